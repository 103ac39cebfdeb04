// Squeeze-and-Excitation: Hu, Shen, Sun, "Squeeze-and-Excitation Networks", CVPR 2018.
// Reference: Hu et al.'s SE-ResNet and timm's SEModule (huggingface/pytorch-image-models,
// timm/layers/squeeze_excite.py): global average pool, fc1 (C -> C/r) + ReLU, fc2 (C/r -> C),
// sigmoid, channel-wise product. fc1/fc2 are Linear layers in SE-ResNet and 1x1 convs in timm;
// both layouts load. timm's EfficientNet/MobileNetV3 variant (SqueezeExcite: conv_reduce /
// conv_expand, SiLU or a hard-sigmoid gate, rounded hidden width) is the same block with options.
import AttnEngine

public struct SqueezeExcitation: AttentionBlock {
    public static let info = BlockInfo(
        name: "se", title: "Squeeze-and-Excitation", paper: "Hu et al., CVPR 2018",
        reference: "timm layers/squeeze_excite.py SEModule (as Hu et al.'s SE-ResNet)",
        summary: "channel weights = sigmoid(fc2(relu(fc1(avgpool(x))))); y = x * weights",
        options: [.int("reduction", 16, 1...4096), .int("hidden", 0, 0...65536), .oneOf("act", "relu", ["relu", "silu"]),
                  .oneOf("gate", "sigmoid", ["sigmoid", "hard_sigmoid"]), .oneOf("keys", "fc", ["fc", "conv"])],
        maps: [MapSpec("channel", "channel weights", .channelVector(groups: false))])

    let reduction: Int
    /// Hidden units; timm rounds them (make_divisible) rather than dividing, so networks give them.
    let hidden: Int
    /// The activation between the two layers, and the gate: timm's EfficientNets use SiLU,
    /// MobileNetV3 a hard sigmoid gate.
    let activation: String, gate: String
    /// "fc": fc1/fc2 (SE-ResNet, timm SEModule); "conv": conv_reduce/conv_expand (timm SqueezeExcite).
    let keys: String
    let fc1: LinearLayer, fc2: LinearLayer

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        reduction = try options.int("reduction")
        let explicit = try options.int("hidden")
        activation = try options.word("act")
        gate = try options.word("gate")
        keys = try options.word("keys")
        hidden = explicit > 0 ? explicit : channels / reduction
        guard hidden >= 1 else {
            throw BlockError("se", "\(channels) channels with reduction \(reduction) leave no hidden units")
        }
        let (reduce, expand) = keys == "fc" ? ("fc1", "fc2") : ("conv_reduce", "conv_expand")
        fc1 = try parameters.linear(reduce, in: channels, out: hidden, acceptConv1x1: true)
        fc2 = try parameters.linear(expand, in: hidden, out: channels, acceptConv1x1: true)
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, _, _) = x.nchw
        let squeezed = mean(x, axes: [2, 3])                    // (N, C)
        let inner = fc1(squeezed)
        let excited = fc2(activation == "silu" ? silu(inner) : relu(inner))
        let weights = gate == "hard_sigmoid" ? hardSigmoid(excited) : sigmoid(excited)   // (N, C)
        trace?.record("channel", weights)
        return x * weights.reshaped([n, c, 1, 1])
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        fc1.multiplyAdds + fc2.multiplyAdds + fc1.weight.shape[1] * height * width
    }

    public var settings: [(key: String, value: String)] {
        var shown = [(key: String, value: String)]()
        shown.append(hidden == fc1.weight.shape[1] / reduction ? ("reduction", "\(reduction)") : ("hidden", "\(hidden)"))
        if activation != "relu" { shown.append(("act", activation)) }
        if gate != "sigmoid" { shown.append(("gate", gate)) }
        if keys != "fc" { shown.append(("keys", keys)) }
        return shown
    }

    /// Narrow layers: the reduction may not exceed the channel count.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitReduction(default: 16, channels: channels)
        return fitted
    }
}
