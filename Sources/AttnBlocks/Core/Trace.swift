// Trace: the named maps a block exposes (its channel weights, spatial gates, ...), recorded as it
// runs. Blocks compute these tensors anyway; recording keeps a reference (copy-on-write arrays),
// and a nil trace records nothing, so tracing costs nothing when nobody asks.
import AttnEngine

public final class Trace {
    public private(set) var maps: [(name: String, tensor: Tensor)] = []

    public init() {}

    public func record(_ name: String, _ tensor: Tensor) {
        maps.append((name, tensor))
    }

    public subscript(name: String) -> Tensor? {
        maps.first { $0.name == name }?.tensor
    }

    public var names: [String] { maps.map(\.name) }
}
