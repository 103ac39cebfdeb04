// ParameterBuilder: how a block gets its tensors. Each tensor is declared once, with its
// state_dict key, its shape and the reference's own initialisation; the builder then either takes
// it from a checkpoint (checking the shape, naming the key when anything is off) or draws it from
// the seeded generator. What was declared is kept, for parameter counts and for listing.
import AttnEngine
import Foundation

/// Where a block's tensors come from.
public enum ParameterSource {
    /// Deterministic initialisation following the reference code.
    case seeded(UInt64)
    /// A checkpoint, strictly: every declared key must be there with its shape.
    case weights(ScopedWeights)
}

/// How the reference initialises a tensor.
public enum Initialization: Sendable {
    /// PyTorch's default for conv and linear weights: kaiming_uniform(a=sqrt(5)), U(-1/sqrt(fan_in), +).
    case pytorchDefault(fanIn: Int)
    /// U(-bound, bound), e.g. PyTorch's default bias init with bound 1/sqrt(fan_in).
    case uniform(bound: Float)
    /// kaiming_normal (fan_in or fan_out, ReLU gain): N(0, 2/fan).
    case kaimingNormal(fan: Int)
    /// N(0, std).
    case normal(std: Float)
    case constant(Float)
    /// Values computed by the reference (ACmix's shift kernel, ...).
    case values([Float])
}

extension Initialization {
    var isRandom: Bool {
        switch self {
        case .pytorchDefault, .uniform, .kaimingNormal, .normal: return true
        case .constant, .values: return false
        }
    }
}

/// One declared tensor.
public struct ParameterEntry: Sendable {
    public let key: String
    public let shape: [Int]
    /// False for buffers (BatchNorm running statistics), which PyTorch's parameter count leaves out.
    public let trainable: Bool
    /// Whether the seeded initialisation draws it at random (rather than a constant or fixed values).
    public let random: Bool
    /// The values the block got (shared with the block, not copied).
    public let value: Tensor

    public init(key: String, shape: [Int], trainable: Bool, random: Bool, value: Tensor) {
        self.key = key; self.shape = shape; self.trainable = trainable; self.random = random; self.value = value
    }
}

public struct ParameterBuilder {
    public let block: String
    let source: ParameterSource
    public private(set) var entries: [ParameterEntry] = []

    public init(block: String, source: ParameterSource) {
        self.block = block
        self.source = source
    }

    /// Declares a tensor. `alternativeShapes` lists layouts the checkpoint may use instead (a
    /// Linear stored as a 1x1 conv, ...); they are reshaped to `shape`.
    public mutating func tensor(
        _ key: String, _ shape: [Int], initialization: Initialization, trainable: Bool = true,
        alternativeShapes: [[Int]] = []
    ) throws -> Tensor {
        let value: Tensor
        switch source {
        case .seeded(let seed):
            value = Tensor(shape: shape, data: Self.draw(initialization, count: shape.reduce(1, *), seed: seed, key: key))
        case .weights(let store):
            let problem: String
            if let t = store.take(key, shape: shape) {
                if t.shape == shape || alternativeShapes.contains(t.shape) {
                    value = t.reshaped(shape)
                    break
                }
                problem = "key '\(store.fullKey(key))' has shape \(t.shape), expected \(shape)"
            } else {
                problem = "missing key '\(store.fullKey(key))' (expected shape \(shape))"
            }
            guard store.store.collectsProblems else { throw BlockError(block, problem) }
            // Recorded for the list the user sees; the seeded values stand in meanwhile.
            store.store.record(store.fullKey(key), problem)
            value = Tensor(shape: shape, data: Self.draw(initialization, count: shape.reduce(1, *), seed: 0, key: store.fullKey(key)))
        }
        entries.append(ParameterEntry(key: key, shape: shape, trainable: trainable, random: initialization.isRandom, value: value))
        return value
    }

    /// Keys a checkpoint may hold that the model does not use (BatchNorm's num_batches_tracked).
    public func ignore(_ key: String) {
        if case .weights(let store) = source { store.markTaken(key) }
    }

    static func draw(_ initialization: Initialization, count: Int, seed: UInt64, key: String) -> [Float] {
        var random = SeededRandom(seed: seed, key: key)
        switch initialization {
        case .pytorchDefault(let fanIn):
            let bound = 1 / Float(max(fanIn, 1)).squareRoot()
            return (0..<count).map { _ in random.uniform(-bound, bound) }
        case .uniform(let bound):
            return (0..<count).map { _ in random.uniform(-bound, bound) }
        case .kaimingNormal(let fan):
            let std = (2 / Float(max(fan, 1))).squareRoot()
            return (0..<count).map { _ in random.normal() * std }
        case .normal(let std):
            return (0..<count).map { _ in random.normal() * std }
        case .constant(let value):
            return [Float](repeating: value, count: count)
        case .values(let values):
            precondition(values.count == count, "initial values for \(key) have \(values.count) entries, need \(count)")
            return values
        }
    }
}

extension ParameterBuilder {
    /// The number of trainable values, as sum(p.numel() for p in module.parameters()).
    public var trainableCount: Int {
        entries.filter(\.trainable).reduce(0) { $0 + $1.shape.reduce(1, *) }
    }

}
