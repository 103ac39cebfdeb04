// PyTorchCheckpoint: reads .pth/.pt files written by torch.save, without Python and without
// running anything from the file: the zip format (torch >= 1.6: data.pkl plus one member per
// storage) and the legacy format (magic number, protocol, sys info, the pickled object, the
// storage keys, then each storage's raw bytes). The state_dict is taken from the top level or
// from under "state_dict"/"model"; a "module." prefix (DataParallel) is stripped. Every number
// from the file is checked before it sizes an allocation or indexes the bytes (CheckpointLimits).
import AttnEngine
import AttnFiles
import AttnText
import Foundation

public struct CheckpointFile: Sendable {
    public var tensors: [String: Tensor]
    /// The dtype each tensor had in the file ("F32", "F16", ...).
    public var dtypes: [String: String]
    /// "zip" or "legacy".
    public var format: String
}

public enum PyTorchCheckpoint {
    public static func read(contentsOf url: URL) throws -> CheckpointFile {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: url.path, maxBytes: CheckpointLimits.maxFileBytes)
        } catch {
            throw CheckpointError("cannot read \(DisplayText.escaped(url.path, limit: 200)): \(error.reason)")
        }
        return try decode(bytes, name: url.lastPathComponent)
    }

    /// Whether a file starting with `prefix` is a checkpoint (or a damaged one, or a pickle,
    /// which decode explains): 16 bytes tell zip and legacy files, WeightFormat.sniffLength all.
    public static func looksLikeCheckpoint(_ prefix: [UInt8]) -> Bool {
        WeightFormat.sniff(prefix).isCheckpoint
    }

    /// `name` says which file the bytes are in messages; it is escaped here.
    public static func decode(_ bytes: [UInt8], name: String) throws -> CheckpointFile {
        try decode(bytes, name: name, elementLimit: .forFile(size: bytes.count))
    }

    /// `elementLimit`: how many elements all tensors together may hold (tests lower it).
    static func decode(_ bytes: [UInt8], name: String, elementLimit: ElementLimit) throws -> CheckpointFile {
        let name = DisplayText.escaped(name, limit: 120)
        let format = WeightFormat.sniff(bytes.prefix(WeightFormat.sniffLength))
        switch format {
        case .zipCheckpoint:
            return try decodeZip(bytes, name: name, elementLimit: elementLimit)
        case .legacyCheckpoint:
            return try decodeLegacy(bytes, name: name, elementLimit: elementLimit)
        case .damagedLegacyCheckpoint:
            let damage = WeightFormat.damagedMagic(Array(bytes.prefix(WeightFormat.sniffLength))) ?? (0, 0)
            throw CheckpointError("\(name) looks like a legacy PyTorch checkpoint but its magic number is damaged "
                                  + "(\(damage.differing) of its first \(damage.length) bytes differ)")
        case .tarCheckpoint:
            throw CheckpointError("\(name) is a tar checkpoint (PyTorch before 0.4), which is not supported")
        case .pickle(let version):
            throw CheckpointError("\(name) is a Python pickle (protocol \(version)) but not a PyTorch checkpoint: "
                                  + "it lacks the legacy format's magic number")
        case .safetensors:
            throw CheckpointError("\(name) is a safetensors file, not a PyTorch checkpoint")
        case .unknown:
            throw CheckpointError("\(name) is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)")
        }
    }

    // MARK: zip format

    static func decodeZip(_ bytes: [UInt8], name: String, elementLimit: ElementLimit) throws -> CheckpointFile {
        let zip = try StoredZip(bytes, name: name)
        // torch.save writes <archive>/data.pkl; the shortest such name, ties broken by bytes.
        guard let pickleName = zip.members.keys.filter({ $0.hasSuffix("data.pkl") })
            .min(by: { ($0.utf8.count, $0) < ($1.utf8.count, $1) })
        else {
            throw CheckpointError("\(name): zip archive has no data.pkl")
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        let arena = PickleArena()
        defer { arena.empty() }
        var unpickler = RestrictedUnpickler(Array(bytes[zip.members[pickleName]!]), name: "\(name): data.pkl", arena: arena)
        let root = try unpickler.load()
        return try assemble(root, format: "zip", name: name, bytes: bytes, elementLimit: elementLimit) { storage in
            guard let range = zip.members["\(prefix)data/\(storage.key)"] else {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(storage.key)) is missing from the archive")
            }
            return range
        }
    }

    // MARK: legacy format

    static func decodeLegacy(_ bytes: [UInt8], name: String, elementLimit: ElementLimit) throws -> CheckpointFile {
        // After the magic number pickle (its length depends on the pickle protocol).
        var offset = WeightFormat.legacyMagicLength(Array(bytes.prefix(WeightFormat.sniffLength))) ?? WeightFormat.legacyMagic.count
        let arena = PickleArena()
        defer { arena.empty() }
        func next() throws -> PickleValue {
            var unpickler = RestrictedUnpickler(bytes, name: name, offset: offset, arena: arena)
            let value = try unpickler.load()
            offset = unpickler.offset
            return value
        }
        guard case .int(let protocolVersion) = try next(), protocolVersion == 1001 else {
            throw CheckpointError("\(name): unsupported legacy protocol version")
        }
        if case .dict(let info) = try next(), case .bool(false) = info[string: "little_endian"] {
            throw CheckpointError("\(name) was saved on a big-endian machine, which is not supported")
        }
        let root = try next()
        guard case .list(let keyList) = try next() else { throw CheckpointError("\(name): storage key list missing") }
        // Each storage: its element count (int64), then its bytes, in the order of the key list.
        var elementSizes = [String: Int]()
        for storage in arena.storages {
            if let size = elementSizes[storage.key], size != storage.dtype.byteSize {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(storage.key)) is named with elements of \(size) and of \(storage.dtype.byteSize) bytes")
            }
            elementSizes[storage.key] = storage.dtype.byteSize
        }
        var ranges = [String: Range<Int>]()
        var reader = ByteReader(bytes, name: name, offset: offset)
        for item in keyList.items {
            guard case .string(let key) = item else { throw CheckpointError("\(name): storage key is a \(item.kind)") }
            let count = try reader.uint(8)
            guard let size = elementSizes[key] else {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(key)) is not used by any tensor")
            }
            guard ranges[key] == nil else {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(key)) is listed twice")
            }
            // count * size <= bytes.count: the product cannot overflow.
            guard count <= UInt64(bytes.count / size) else {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(key)) claims \(count) elements at offset \(reader.offset - 8), more than the file holds")
            }
            let start = reader.offset
            _ = try reader.read(Int(count) * size)
            ranges[key] = start..<reader.offset
        }
        return try assemble(root, format: "legacy", name: name, bytes: bytes, elementLimit: elementLimit) { storage in
            guard let range = ranges[storage.key] else {
                throw CheckpointError("\(name): storage \(DisplayText.quoted(storage.key)) is missing")
            }
            return range
        }
    }

    // MARK: state_dict

    /// Turns the unpickled object into named tensors, reading each storage through `locate`.
    static func assemble(
        _ root: PickleValue, format: String, name: String, bytes: [UInt8], elementLimit: ElementLimit,
        locate: (StorageReference) throws -> Range<Int>
    ) throws -> CheckpointFile {
        guard case .dict(var dict) = root else {
            let kind = root.kind
            let what = kind == "None" ? kind : ("aeiou".contains(kind.first ?? "x") ? "an " : "a ") + kind
            throw CheckpointError("\(name) holds \(what), not a state_dict")
        }
        for wrapper in ["state_dict", "model", "model_state_dict"] {
            if case .dict(let inner) = dict[string: wrapper] { dict = inner; break }
        }
        var tensors = [String: Tensor](), dtypes = [String: String]()
        var budget = ElementBudget(limit: elementLimit)
        for (key, value) in dict.entries {
            guard case .string(var k) = key, case .tensor(let ref) = value else { continue }
            if k.hasPrefix("module.") { k.removeFirst("module.".count) }
            let range = try locate(ref.storage)
            tensors[k] = try materialize(ref, storageBytes: range, in: bytes, key: k, name: name, budget: &budget)
            dtypes[k] = ref.storage.dtype.name
        }
        guard !tensors.isEmpty else { throw CheckpointError("\(name) holds no tensors") }
        return CheckpointFile(tensors: tensors, dtypes: dtypes, format: format)
    }

    /// How many elements all tensors of one file may hold, and why, for the message.
    struct ElementLimit {
        let count: Int
        let rule: String

        static func forFile(size: Int) -> ElementLimit {
            ElementLimit(count: CheckpointLimits.elementBudget(fileSize: size),
                         rule: "the limit for a \(size)-byte file: its size in bytes, and at least 2^26")
        }
    }

    /// The elements the tensors of one file may still hold. Views may overlap in their storage
    /// (torch.save keeps expanded and overlapping views as they are), so this, not the storage
    /// sizes, is what bounds the memory a small file can ask for.
    struct ElementBudget {
        let limit: ElementLimit
        var used = 0

        mutating func spend(_ count: Int, key: String, name: String) throws {
            guard count <= limit.count - used else {
                throw CheckpointError("\(name): tensor \(DisplayText.quoted(key)) would bring the tensors to more than \(limit.count) elements "
                                      + "in all (\(limit.rule)); they are views sharing too little storage, "
                                      + "which saved contiguous (tensor.clone()) would load")
            }
            used += count
        }
    }

    /// Gathers a (possibly strided, offset) view of a storage into a contiguous Float tensor.
    static func materialize(
        _ ref: TensorReference, storageBytes range: Range<Int>, in bytes: [UInt8], key: String, name: String,
        budget: inout ElementBudget
    ) throws -> Tensor {
        let dtype = ref.storage.dtype
        let tensor = "tensor \(DisplayText.quoted(key))", storage = "storage \(DisplayText.quoted(ref.storage.key))"
        let available = range.count / dtype.byteSize - ref.storage.elementOffset
        guard available >= 0, ref.storage.count <= available else {
            throw CheckpointError("\(name): \(storage) of \(tensor) has \(max(available, 0)) elements, needs \(ref.storage.count)")
        }
        guard ref.size.count <= CheckpointLimits.maxDimensions else {
            throw CheckpointError("\(name): \(tensor) has \(ref.size.count) dimensions, more than \(CheckpointLimits.maxDimensions)")
        }
        let view = "\(tensor) (size \(numbers(ref.size)), stride \(numbers(ref.stride)), offset \(ref.storageOffset))"
        guard ref.size.allSatisfy({ $0 >= 0 }), ref.stride.allSatisfy({ $0 >= 0 }), ref.storageOffset >= 0 else {
            throw CheckpointError("\(name): \(view) has a negative size, stride or offset")
        }
        guard let layout = StridedLayout(offset: ref.storageOffset, size: ref.size, stride: ref.stride) else {
            throw CheckpointError("\(name): \(view) overflows: its element count or last element offset exceeds \(Int.max)")
        }
        if layout.count > 0 {
            guard layout.last < ref.storage.count else {
                throw CheckpointError("\(name): \(view) reaches element \(layout.last) of a \(ref.storage.count)-element \(storage)")
            }
        }
        try budget.spend(layout.count, key: key, name: name)
        let values = bytes.withUnsafeBytes { raw in
            // The view's storage offsets count from the start of its (legacy view) storage.
            let start = range.lowerBound + ref.storage.elementOffset * dtype.byteSize
            return ElementConversion.floats(from: UnsafeRawBufferPointer(rebasing: raw[start..<range.upperBound]),
                                            dtype: dtype.elementType, layout: layout)
        }
        return Tensor(shape: ref.size, data: values)
    }

    /// Sizes and strides as messages show them, cut like any text from the file.
    static func numbers(_ values: [Int]) -> String {
        DisplayText.escaped(String(describing: values), limit: 60)
    }
}
