// ProbeRun: what probe mode computed for one image: the backbone's own prediction and, for each
// layer (stem, stage1..stage7, head), the features there and the attention block's maps on them.
import AttnEngine

public struct ProbeLayer: Sendable {
    public let name: String
    /// The backbone's output at this layer, (1, C, H, W): what the probe saw.
    public let feature: Tensor
    /// The block's hyper-parameters here, after fitting to the width.
    public let settings: [(key: String, value: String)]
    /// Options moved to fit this layer ("groups 64 -> 8 (32 channels)").
    public let adjustments: [String]
    public let maps: [(name: String, tensor: Tensor)]
    /// The block's output (SPD's four phases, ...); nil when it could not run.
    public let output: Tensor?
    /// Why the block cannot run on this layer (an odd size for SPD, ...).
    public let error: String?
    public let parameterCount: Int

    public func map(_ name: String) -> Tensor? { maps.first { $0.name == name }?.tensor }
}

public struct ProbeRun: Sendable {
    public let block: String
    /// "untrained, seed 0" or "weights from FILE".
    public let weightsSource: String
    /// Whether the blocks' weights came from a file rather than the seeded initialisation.
    public let trained: Bool
    public let inputSide: Int
    public let layers: [ProbeLayer]
    public let logits: Tensor

    /// The k most likely ImageNet classes.
    public func top(_ k: Int) -> [(index: Int, name: String, probability: Float)] {
        Self.top(logits, k)
    }

    public static func top(_ logits: Tensor, _ k: Int) -> [(index: Int, name: String, probability: Float)] {
        let p = softmax(logits.reshaped([1, -1]), axis: 1).data
        return p.indices.sorted { p[$0] > p[$1] }.prefix(max(0, k)).map { ($0, ImageNetClasses.names[$0], p[$0]) }
    }
}
