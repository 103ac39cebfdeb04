// NetworkParameters: where a whole network's tensors come from (a checkpoint's state_dict, or the
// seeded initialisation when no weights are given), handed to each layer under its key prefix,
// and what was declared, for parameter counts and for the list of what a checkpoint lacks.
import AttnBlocks
import AttnEngine

public struct NetworkParameters {
    public enum Origin {
        case weights(WeightStore)
        case seeded(UInt64)
    }

    public let origin: Origin
    /// The network's own layers (the attention blocks declare theirs through their builders).
    var builder: ParameterBuilder
    public private(set) var declared: [ParameterEntry] = []

    public init(_ origin: Origin, network: String) {
        self.origin = origin
        switch origin {
        case .weights(let store): builder = ParameterBuilder(block: network, source: .weights(store.root))
        case .seeded(let seed): builder = ParameterBuilder(block: network, source: .seeded(seed))
        }
    }

    /// The source of a block's tensors at `path`: the store under that prefix, or a seed of its
    /// own (so that blocks of one shape at different paths differ).
    func source(_ path: String) -> ParameterSource {
        switch origin {
        case .weights(let store): return .weights(store.sub(path))
        case .seeded(let seed): return .seeded(seed ^ SeededRandom.hash(path))
        }
    }

    mutating func add(_ entries: [ParameterEntry], under path: String) {
        declared += entries.map { ParameterEntry(key: path + "." + $0.key, shape: $0.shape, trainable: $0.trainable, random: $0.random, value: $0.value) }
    }

    /// sum(p.numel() for p in model.parameters())
    public var parameterCount: Int {
        (declared + builder.entries).filter(\.trainable).reduce(0) { $0 + $1.shape.reduce(1, *) }
    }

    // The layers networks are made of, with torchvision's keys and initialisation.

    mutating func conv(_ name: String, _ input: Int, _ output: Int, kernel: Int, stride: Int = 1, padding: Int? = nil,
                       groups: Int = 1, bias: Bool = false) throws -> Conv2dLayer {
        try builder.conv2d(name, in: input, out: output, kernel: (kernel, kernel), stride: (stride, stride),
                           padding: .symmetric(padding ?? kernel / 2), groups: groups, bias: bias)
    }

    mutating func norm(_ name: String, _ channels: Int, eps: Float = 1e-5) throws -> BatchNormLayer {
        try builder.batchNorm(name, channels: channels, eps: eps)
    }

    mutating func linear(_ name: String, _ input: Int, _ output: Int) throws -> LinearLayer {
        try builder.linear(name, in: input, out: output)
    }
}
