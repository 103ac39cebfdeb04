// CheckpointLimits: the bounds a checkpoint must keep to be read, each far above what torch.save
// writes and each checked before the memory it guards is spent, so that a hostile file costs at
// most a small multiple of its own size and a bounded amount of work per byte.

enum CheckpointLimits {
    /// Bytes of a weights file (checkpoint or safetensors) read into memory: 16 GiB, past any
    /// CNN's weights, so that a pipe or a runaway file ends with a message rather than the memory.
    static let maxFileBytes = 1 << 34
    /// Values on the pickle stack, and open MARKs.
    static let maxPickleStack = 1 << 20
    /// Memo entries of one pickle.
    static let maxMemoEntries = 1 << 20
    /// Tuples within tuples (a state_dict needs 3); freeing a tuple recurses this deep.
    static let maxTupleDepth = 100
    /// Bytes of one text-opcode line (INT, LONG, FLOAT, PUT, GET, GLOBAL, INST).
    static let maxTextLine = 4096
    /// Dimensions of one tensor.
    static let maxDimensions = 64
    /// Members of a zip checkpoint (torch.save writes one per storage, plus a few).
    static let maxZipEntries = 1 << 18
    /// Tensor elements (each becomes a 4-byte Float) all tensors together may hold: the file's
    /// size in bytes, and at least 2^26 (256 MiB of Float). Views count in full even where they
    /// overlap in one storage (torch.save keeps expanded and overlapping views, and attnview's
    /// own network fixtures are made that way: 11.7M weights in 549 KB), so this is what bounds
    /// a file naming one storage under a million keys or a stride-0 view of 10^9 elements.
    static func elementBudget(fileSize: Int) -> Int { max(fileSize, 1 << 26) }
}
