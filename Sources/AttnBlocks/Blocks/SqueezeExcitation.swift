// Squeeze-and-Excitation: Hu, Shen, Sun, "Squeeze-and-Excitation Networks", CVPR 2018.
// Reference: the SE-ResNet of seed 002 and timm's SEModule (huggingface/pytorch-image-models,
// timm/layers/squeeze_excite.py): global average pool, fc1 (C -> C/r) + ReLU, fc2 (C/r -> C),
// sigmoid, channel-wise product. fc1/fc2 are Linear layers in SE-ResNet and 1x1 convs in timm;
// both layouts load.
import AttnEngine

public struct SqueezeExcitation: AttentionBlock {
    public static let info = BlockInfo(
        name: "se", title: "Squeeze-and-Excitation", paper: "Hu et al., CVPR 2018",
        reference: "timm SEModule; seed 002 SE-ResNet",
        summary: "channel weights = sigmoid(fc2(relu(fc1(avgpool(x))))); y = x * weights",
        options: [("reduction", "16")], maps: ["channel"])

    let reduction: Int
    let fc1: LinearLayer, fc2: LinearLayer

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        reduction = try options.int("reduction", default: 16, block: "se")
        guard reduction >= 1 else { throw BlockError("se", "reduction must be at least 1, got \(reduction)") }
        let hidden = channels / reduction
        guard hidden >= 1 else {
            throw BlockError("se", "\(channels) channels with reduction \(reduction) leave no hidden units")
        }
        fc1 = try parameters.linear("fc1", in: channels, out: hidden, acceptConv1x1: true)
        fc2 = try parameters.linear("fc2", in: hidden, out: channels, acceptConv1x1: true)
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, _, _) = x.nchw
        let squeezed = mean(x, axes: [2, 3])                    // (N, C)
        let weights = sigmoid(fc2(relu(fc1(squeezed))))         // (N, C)
        trace?.record("channel", weights)
        return x * weights.reshaped([n, c, 1, 1])
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        fc1.multiplyAdds + fc2.multiplyAdds + fc1.weight.shape[1] * height * width
    }

    public var settings: [(key: String, value: String)] { [("reduction", "\(reduction)")] }

    /// Narrow layers: the reduction may not exceed the channel count.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitReduction(default: 16, channels: channels)
        return fitted
    }
}
