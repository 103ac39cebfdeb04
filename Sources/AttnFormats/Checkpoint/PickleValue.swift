// PickleValue: the values the restricted unpickler builds. Lists and dicts are reference types
// because pickle mutates them after they are memoized (APPEND, SETITEMS on a memo entry).

final class PickleList {
    var items: [PickleValue]
    init(_ items: [PickleValue] = []) { self.items = items }
}

/// An insertion-ordered dict, as both dict and OrderedDict keep their order.
final class PickleDict {
    private(set) var entries: [(key: PickleValue, value: PickleValue)] = []

    func set(_ key: PickleValue, _ value: PickleValue) {
        if let i = entries.firstIndex(where: { $0.key.isEqual(to: key) }) {
            entries[i].value = value
        } else {
            entries.append((key, value))
        }
    }

    subscript(string key: String) -> PickleValue? {
        entries.first { if case .string(let s) = $0.key { return s == key } else { return false } }?.value
    }
}

/// A storage a tensor points into, as its persistent id names it.
struct StorageReference {
    let dtype: TorchDType
    let key: String
    /// Elements of the whole storage.
    let count: Int
    /// Legacy view storages start inside their root storage.
    let elementOffset: Int
}

/// A tensor as _rebuild_tensor_v2 describes it: a window into a storage.
struct TensorReference {
    let storage: StorageReference
    let storageOffset: Int
    let size: [Int]
    let stride: [Int]
}

indirect enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case tuple([PickleValue])
    case list(PickleList)
    case dict(PickleDict)
    /// A class or function named by GLOBAL, already checked against the allowlist.
    case global(String)
    case storage(StorageReference)
    case tensor(TensorReference)

    func isEqual(to other: PickleValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.tuple(let a), .tuple(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
        default: return false
        }
    }

    var kind: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .global(let name): return name
        case .storage: return "storage"
        case .tensor: return "tensor"
        }
    }
}
