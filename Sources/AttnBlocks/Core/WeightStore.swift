// WeightStore: a checkpoint's tensors by state_dict key, read strictly. A store can be narrowed to
// a key prefix (`store.sub("layer1.0")`, as candle's VarBuilder does); every key taken is noted,
// so that what nobody asked for is reported as unexpected instead of being silently ignored.
import AttnEngine

public final class WeightStore {
    public let tensors: [String: Tensor]
    private var taken: Set<String> = []

    public init(_ tensors: [String: Tensor]) {
        self.tensors = tensors
    }

    /// A view of the keys under `prefix.`, sharing the record of taken keys.
    public func sub(_ prefix: String) -> ScopedWeights {
        ScopedWeights(store: self, prefix: prefix.isEmpty ? "" : prefix + ".")
    }

    public var root: ScopedWeights { ScopedWeights(store: self, prefix: "") }

    func take(_ key: String) -> Tensor? {
        guard let t = tensors[key] else { return nil }
        taken.insert(key)
        return t
    }

    func markTaken(_ key: String) {
        if tensors[key] != nil { taken.insert(key) }
    }

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

    func take(_ key: String) -> Tensor? { store.take(prefix + key) }
    func markTaken(_ key: String) { store.markTaken(prefix + key) }
    func fullKey(_ key: String) -> String { prefix + key }
}
