// PickleValue: the values the restricted unpickler builds. Lists and dicts are reference types
// because pickle mutates them after they are memoized (APPEND, SETITEMS on a memo entry), so a
// hostile pickle can nest them without bound or make them contain themselves: nothing walks them
// recursively, and PickleArena empties them once a checkpoint is read. Tuples are immutable and
// carry their depth, which the unpickler bounds, since freeing a tuple frees its items recursively.

final class PickleList {
    var items: [PickleValue]
    init(_ items: [PickleValue] = []) { self.items = items }
}

/// A tuple with its nesting depth (1 for a tuple of scalars, lists or dicts) and its weight (how
/// many values it holds, shared ones counted each time, saturating), both known when it is built.
struct PickleTuple: RandomAccessCollection {
    let items: [PickleValue]
    let depth: Int
    let weight: Int

    init(_ items: [PickleValue]) {
        self.items = items
        var depth = 1, weight = 1
        for item in items {
            guard case .tuple(let t) = item else {
                weight = weight < Int.max ? weight + 1 : weight
                continue
            }
            depth = Swift.max(depth, t.depth + 1)
            let (sum, overflow) = weight.addingReportingOverflow(t.weight)
            weight = overflow ? Int.max : sum
        }
        self.depth = depth
        self.weight = weight
    }

    var startIndex: Int { items.startIndex }
    var endIndex: Int { items.endIndex }
    subscript(position: Int) -> PickleValue { items[position] }
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
    case tuple(PickleTuple)
    case list(PickleList)
    case dict(PickleDict)
    /// A class or function named by GLOBAL, already checked against the allowlist.
    case global(String)
    case storage(StorageReference)
    case tensor(TensorReference)

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
