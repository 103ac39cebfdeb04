// WeightStore: a checkpoint's tensors by state_dict key, read strictly. A store can be narrowed to
// a key prefix (`store.sub("layer1.0")`, as candle's VarBuilder does); every key taken is noted,
// so that what nobody asked for is reported as unexpected instead of being silently ignored.
// A whole network's store collects every missing or mis-shaped key instead of stopping at the
// first, so that the user sees them all at once; a store can also make up each tensor from its
// key (KeyFormula), for tests that compare whole networks without their weights.
import AttnEngine

public final class WeightStore {
    public let tensors: [String: Tensor]
    private var taken: Set<String> = []
    /// Makes the tensor of a key that `tensors` lacks; nil: the key is missing.
    let generate: (@Sendable (_ key: String, _ shape: [Int]) -> Tensor)?
    /// Whether missing and mis-shaped keys are recorded in `problems` (and building goes on with
    /// the seeded initialisation) rather than thrown at once.
    public let collectsProblems: Bool
    /// Each missing or mis-shaped key, with the line that says what is wrong with it.
    public private(set) var problems: [(key: String, message: String)] = []

    public init(_ tensors: [String: Tensor], collectsProblems: Bool = false) {
        self.tensors = tensors
        self.collectsProblems = collectsProblems
        generate = nil
    }

    /// A store whose every tensor is made by `generate` from its full key and shape.
    public init(generating generate: @escaping @Sendable (_ key: String, _ shape: [Int]) -> Tensor) {
        tensors = [:]
        collectsProblems = false
        self.generate = generate
    }

    /// A store whose every tensor is KeyFormula's value for its key.
    public static func keyFormula() -> WeightStore { WeightStore(generating: KeyFormula.tensor) }

    /// A view of the keys under `prefix.`, sharing the record of taken keys.
    public func sub(_ prefix: String) -> ScopedWeights {
        ScopedWeights(store: self, prefix: prefix.isEmpty ? "" : prefix + ".")
    }

    public var root: ScopedWeights { ScopedWeights(store: self, prefix: "") }

    func take(_ key: String, shape: [Int]) -> Tensor? {
        if let generate, tensors[key] == nil { return generate(key, shape) }
        guard let t = tensors[key] else { return nil }
        taken.insert(key)
        return t
    }

    func markTaken(_ key: String) {
        if tensors[key] != nil { taken.insert(key) }
    }

    func record(_ key: String, _ message: String) { problems.append((key, message)) }

    /// Keys never taken, sorted.
    public var untakenKeys: [String] {
        tensors.keys.filter { !taken.contains($0) }.sorted()
    }
}

/// A WeightStore seen under a key prefix.
public struct ScopedWeights {
    let store: WeightStore
    public let prefix: String

    public func sub(_ name: String) -> ScopedWeights {
        ScopedWeights(store: store, prefix: prefix + name + ".")
    }

    func take(_ key: String, shape: [Int]) -> Tensor? { store.take(prefix + key, shape: shape) }
    func markTaken(_ key: String) { store.markTaken(prefix + key) }
    func fullKey(_ key: String) -> String { prefix + key }
}
