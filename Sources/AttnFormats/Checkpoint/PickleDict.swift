// PickleDict: a pickled dict or OrderedDict, in insertion order, with an index by value for the
// keys Python hashes by value, so that a hostile dict of a million entries costs O(n) to build,
// not O(n^2) comparisons.

/// An insertion-ordered dict, as both dict and OrderedDict keep their order. Keys that Python
/// would hash by value (None, bools, ints, strings, small tuples of those) are indexed, so that
/// building a dict of n entries costs O(n); any other key never equals an earlier one.
final class PickleDict {
    private(set) var entries: [(key: PickleValue, value: PickleValue)] = []
    private var index: [PickleKey: Int] = [:]

    func set(_ key: PickleValue, _ value: PickleValue) {
        guard let hashable = PickleKey(key) else {
            entries.append((key, value))
            return
        }
        if let i = index[hashable] {
            entries[i].value = value
        } else {
            index[hashable] = entries.count
            entries.append((key, value))
        }
    }

    subscript(string key: String) -> PickleValue? {
        index[.string(key)].map { entries[$0].value }
    }

    func removeAll() {
        entries = []
        index = [:]
    }
}

/// A dict key compared by value. Tuples heavier than `maxWeight` values (counting shared items
/// each time they occur) are not indexed, so hashing a key costs a bounded amount even when a
/// pickle builds a tuple of tuples of the same tuple, 2^depth values in all.
indirect enum PickleKey: Hashable {
    case none, bool(Bool), int(Int), string(String), tuple([PickleKey])

    static let maxWeight = 64

    init?(_ value: PickleValue) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .string(let s): self = .string(s)
        case .tuple(let t):
            guard t.weight <= Self.maxWeight else { return nil }
            var keys = [PickleKey]()
            for item in t.items {
                guard let key = PickleKey(item) else { return nil }
                keys.append(key)
            }
            self = .tuple(keys)
        default: return nil
        }
    }
}
