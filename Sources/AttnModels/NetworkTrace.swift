// NetworkTrace: what one run of a network on an image computed: its prediction and, for each
// attention layer, what the block saw and the maps it made. In probe mode the layers are the
// stem, the seven stages and the head of EfficientNet-Lite0 with a block attached to each; in
// model mode they are the network's own attention blocks, named by their state_dict path
// ("layer3.5.cbam", "blocks.4.1.se").
import AttnEngine

public struct LayerTrace: Sendable {
    public let name: String
    /// The block's CLI name (se, cbam, ...): which views show it.
    public let block: String
    /// The group the layer belongs to in the layer list ("layer3", "blocks.4"); its own name in probe mode.
    public let stage: String
    /// The block's input, (1, C, H, W): what it saw.
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

    public init(name: String, block: String, stage: String, feature: Tensor, settings: [(key: String, value: String)],
                adjustments: [String], maps: [(name: String, tensor: Tensor)], output: Tensor?, error: String?,
                parameterCount: Int) {
        self.name = name; self.block = block; self.stage = stage; self.feature = feature; self.settings = settings
        self.adjustments = adjustments; self.maps = maps; self.output = output; self.error = error
        self.parameterCount = parameterCount
    }

    public func map(_ name: String) -> Tensor? { maps.first { $0.name == name }?.tensor }
}

public struct NetworkTrace: Sendable {
    /// What ran: the probe's block ("cbam") in probe mode, the network's name ("cbam_resnet50") in model mode.
    public let block: String
    /// The network: the probes' backbone in probe mode, the same as `block` in model mode.
    public let network: String
    public var isModelMode: Bool { block == network }
    /// Where the probes' backbone got its weights, in probe mode ("ImageNet, bundled", "weights from FILE").
    public let networkWeights: String?
    /// "untrained, seed 0" or "weights from FILE".
    public let weightsSource: String
    /// Whether the blocks' weights came from a file rather than the seeded initialisation.
    public let trained: Bool
    /// The network input's height (and, for square inputs, width).
    public let inputSide: Int
    public let layers: [LayerTrace]
    public let logits: Tensor
    /// Names of the output classes (ImageNet's, or a --labels file's); nil: indices only.
    public let classNames: [String]?

    public init(block: String, network: String = "efficientnet_lite0", networkWeights: String? = nil, weightsSource: String,
                trained: Bool, inputSide: Int, layers: [LayerTrace], logits: Tensor, classNames: [String]? = ImageNetClasses.names) {
        self.block = block; self.network = network; self.networkWeights = networkWeights; self.weightsSource = weightsSource; self.trained = trained; self.inputSide = inputSide
        self.layers = layers; self.logits = logits; self.classNames = classNames
    }

    /// The k most likely classes.
    public func top(_ k: Int) -> [(index: Int, name: String, probability: Float)] {
        Self.top(logits, k, names: classNames)
    }

    public static func top(_ logits: Tensor, _ k: Int, names: [String]? = ImageNetClasses.names) -> [(index: Int, name: String, probability: Float)] {
        let p = softmax(logits.reshaped([1, -1]), axis: 1).data
        return p.indices.sorted { p[$0] > p[$1] }.prefix(max(0, k)).map { i in
            (i, names.map { i < $0.count ? $0[i] : "class \(i)" } ?? "class \(i)", p[i])
        }
    }
}
