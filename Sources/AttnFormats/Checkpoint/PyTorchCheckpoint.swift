// PyTorchCheckpoint: reads .pth/.pt files written by torch.save, without Python and without
// running anything from the file: the zip format (torch >= 1.6: data.pkl plus one member per
// storage) and the legacy format (magic number, protocol, sys info, the pickled object, the
// storage keys, then each storage's raw bytes). The state_dict is taken from the top level or
// from under "state_dict"/"model"; a "module." prefix (DataParallel) is stripped.
import AttnEngine
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
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CheckpointError("cannot read \(url.path): \(fileErrorReason(error))")
        }
        return try decode([UInt8](data), name: url.lastPathComponent)
    }

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Whether a file starting with `prefix` (its first 16 bytes suffice) is a checkpoint.
    public static func looksLikeCheckpoint(_ prefix: [UInt8]) -> Bool {
        prefix.starts(with: zipMagic) || prefix.starts(with: legacyMagic.prefix(4))
    }

    public static func decode(_ bytes: [UInt8], name: String) throws -> CheckpointFile {
        if bytes.starts(with: zipMagic) { return try decodeZip(bytes, name: name) }
        if bytes.starts(with: legacyMagic) { return try decodeLegacy(bytes, name: name) }
        if bytes.count > 262, String(decoding: bytes[257..<262], as: UTF8.self) == "ustar" {
            throw CheckpointError("\(name) is a tar checkpoint (PyTorch before 0.4), which is not supported")
        }
        throw CheckpointError("\(name) is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)")
    }

    // MARK: zip format

    static func decodeZip(_ bytes: [UInt8], name: String) throws -> CheckpointFile {
        let zip = try StoredZip(bytes, name: name)
        guard let pickleName = zip.members.keys.filter({ $0.hasSuffix("data.pkl") }).min(by: { $0.count < $1.count }) else {
            throw CheckpointError("\(name): zip archive has no data.pkl")
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        var unpickler = RestrictedUnpickler(Array(bytes[zip.members[pickleName]!]), name: "\(name): data.pkl")
        let root = try unpickler.load()
        return try assemble(root, format: "zip", name: name, bytes: bytes) { storage in
            guard let range = zip.members["\(prefix)data/\(storage.key)"] else {
                throw CheckpointError("\(name): storage '\(storage.key)' is missing from the archive")
            }
            return range
        }
    }

    // MARK: legacy format

    /// pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2): the legacy format's magic number.
    static let legacyMagic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]

    static func decodeLegacy(_ bytes: [UInt8], name: String) throws -> CheckpointFile {
        var offset = legacyMagic.count
        func next() throws -> PickleValue {
            var unpickler = RestrictedUnpickler(bytes, name: name, offset: offset)
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
        collectStorages(root) { elementSizes[$0.key] = $0.dtype.byteSize }
        var ranges = [String: Range<Int>]()
        var reader = ByteReader(bytes, name: name, offset: offset)
        for item in keyList.items {
            guard case .string(let key) = item else { throw CheckpointError("\(name): storage key is a \(item.kind)") }
            let count = try reader.uint(8)
            guard let size = elementSizes[key] else {
                throw CheckpointError("\(name): storage '\(key)' is not used by any tensor")
            }
            guard count <= UInt64(bytes.count / size) else {
                throw CheckpointError("\(name): storage '\(key)' claims \(count) elements at offset \(reader.offset - 8), more than the file holds")
            }
            let start = reader.offset
            _ = try reader.read(Int(count) * size)
            ranges[key] = start..<reader.offset
        }
        return try assemble(root, format: "legacy", name: name, bytes: bytes) { storage in
            guard let range = ranges[storage.key] else {
                throw CheckpointError("\(name): storage '\(storage.key)' is missing")
            }
            return range
        }
    }

    // MARK: state_dict

    /// Turns the unpickled object into named tensors, reading each storage through `locate`.
    static func assemble(
        _ root: PickleValue, format: String, name: String, bytes: [UInt8],
        locate: (StorageReference) throws -> Range<Int>
    ) throws -> CheckpointFile {
        guard case .dict(var dict) = root else {
            throw CheckpointError("\(name) holds a \(root.kind), not a state_dict")
        }
        for wrapper in ["state_dict", "model", "model_state_dict"] {
            if case .dict(let inner) = dict[string: wrapper] { dict = inner; break }
        }
        var tensors = [String: Tensor](), dtypes = [String: String]()
        for (key, value) in dict.entries {
            guard case .string(var k) = key, case .tensor(let ref) = value else { continue }
            if k.hasPrefix("module.") { k.removeFirst("module.".count) }
            let range = try locate(ref.storage)
            tensors[k] = try materialize(ref, storageBytes: range, in: bytes, key: k, name: name)
            dtypes[k] = ref.storage.dtype.name
        }
        guard !tensors.isEmpty else { throw CheckpointError("\(name) holds no tensors") }
        return CheckpointFile(tensors: tensors, dtypes: dtypes, format: format)
    }

    static func collectStorages(_ value: PickleValue, _ visit: (StorageReference) -> Void) {
        switch value {
        case .tensor(let t): visit(t.storage)
        case .storage(let s): visit(s)
        case .tuple(let items): items.forEach { collectStorages($0, visit) }
        case .list(let l): l.items.forEach { collectStorages($0, visit) }
        case .dict(let d): d.entries.forEach { collectStorages($0.value, visit) }
        default: break
        }
    }

    /// Gathers a (possibly strided, offset) view of a storage into a contiguous Float tensor.
    static func materialize(
        _ ref: TensorReference, storageBytes range: Range<Int>, in bytes: [UInt8], key: String, name: String
    ) throws -> Tensor {
        let dtype = ref.storage.dtype
        let available = range.count / dtype.byteSize - ref.storage.elementOffset
        guard available >= 0, ref.storage.count <= available else {
            throw CheckpointError("\(name): storage '\(ref.storage.key)' of '\(key)' has \(max(available, 0)) elements, needs \(ref.storage.count)")
        }
        guard ref.size.allSatisfy({ $0 >= 0 }), ref.stride.allSatisfy({ $0 >= 0 }), ref.storageOffset >= 0 else {
            throw CheckpointError("\(name): tensor '\(key)' has a negative size, stride or offset")
        }
        let count = ref.size.reduce(1, *)
        if count > 0 {
            let last = ref.storageOffset + zip(ref.size, ref.stride).reduce(0) { $0 + ($1.0 - 1) * $1.1 }
            guard last < ref.storage.count else {
                throw CheckpointError("\(name): tensor '\(key)' \(ref.size) reaches element \(last) of a \(ref.storage.count)-element storage")
            }
        }
        var values = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            let storage = UnsafeRawBufferPointer(rebasing: raw[range])
            let base = ref.storage.elementOffset + ref.storageOffset
            var index = [Int](repeating: 0, count: ref.size.count)
            var source = base
            for i in 0..<count {
                values[i] = dtype.value(storage, source)
                var d = ref.size.count - 1
                while d >= 0 {
                    index[d] += 1
                    source += ref.stride[d]
                    if index[d] < ref.size[d] { break }
                    source -= ref.stride[d] * ref.size[d]
                    index[d] = 0
                    d -= 1
                }
            }
        }
        return Tensor(shape: ref.size, data: values)
    }
}
