// Shuffle Attention: Zhang, Yang, "SA-Net: Shuffle Attention for Deep Convolutional Neural
// Networks", ICASSP 2021. Reference: wofmanaf/SA-Net, models/sa_resnet.py, `sa_layer`.
//
// What is subtle, all from the code: the input is viewed as (N*G, C/G, H, W), so each of the G
// groups is its own "sample", and chunked into two halves of C/(2G) channels. The channel half is
// gated by sigmoid(cweight * avgpool + cbias); the spatial half by
// sigmoid(sweight * GroupNorm(x) + sbias), whose GroupNorm has C/(2G) groups, i.e. one per
// channel (it normalises each channel over H*W, not the half as a whole). The halves are
// concatenated, viewed back as (N, C, H, W) and shuffled with 2 groups: channel i*C/2 + j goes to
// j*2 + i. The reference initialises cweight/sweight to 0 and cbias/sbias to 1, so an untrained
// block gates everything by sigmoid(1).
import AttnEngine

public struct ShuffleAttention: AttentionBlock {
    public static let info = BlockInfo(
        name: "sa", aliases: ["shuffle"], title: "Shuffle Attention", paper: "Zhang & Yang, ICASSP 2021",
        reference: "wofmanaf/SA-Net models/sa_resnet.py sa_layer",
        summary: "per group: half x*sigmoid(cw*avgpool+cb), half x*sigmoid(sw*GN(x)+sb); concat; channel shuffle(2)",
        options: [.int("groups", 64, 1...4096)], maps: [MapSpec("spatial", "spatial gate", .channelPlanes(groups: true)), MapSpec("channel", "channel gate (group-major)", .channelVector(groups: true))],
        untrainedConstant: ["channel": "the reference initialises cweight 0 and cbias 1, so every gate is sigmoid(1) until trained",
                            "spatial": "the reference initialises sweight 0 and sbias 1, so every gate is sigmoid(1) until trained"])

    let groups: Int
    /// C/(2G): channels in each half of a group.
    let half: Int
    let cweight: Tensor, cbias: Tensor, sweight: Tensor, sbias: Tensor
    let gnWeight: Tensor, gnBias: Tensor

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        groups = try options.int("groups")
        // The reference needs C/G channels per group split into two equal halves; anything else
        // gives it zero-sized parameters or a GroupNorm that does not match the half.
        guard channels % (2 * groups) == 0 else {
            throw BlockError("sa", "\(channels) channels are not divisible by 2*groups = \(2 * groups)")
        }
        half = channels / (2 * groups)
        let gateShape = [1, half, 1, 1]
        cweight = try parameters.tensor("cweight", gateShape, initialization: .constant(0))
        cbias = try parameters.tensor("cbias", gateShape, initialization: .constant(1))
        sweight = try parameters.tensor("sweight", gateShape, initialization: .constant(0))
        sbias = try parameters.tensor("sbias", gateShape, initialization: .constant(1))
        gnWeight = try parameters.tensor("gn.weight", [half], initialization: .constant(1))
        gnBias = try parameters.tensor("gn.bias", [half], initialization: .constant(0))
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        let halves = chunk(x.reshaped([n * groups, c / groups, h, w]), 2, axis: 1)  // 2 x (N*G, C/2G, H, W)

        let channelGate = sigmoid(cweight * mean(halves[0], axes: [2, 3], keepDims: true) + cbias)  // (N*G, C/2G, 1, 1)
        let channelHalf = halves[0] * channelGate

        // One GroupNorm group per channel: each channel of the half is normalised on its own.
        let normalized = groupNorm(halves[1], groups: half, weight: gnWeight, bias: gnBias)
        let spatialGate = sigmoid(sweight * normalized + sbias)                                 // (N*G, C/2G, H, W)
        let spatialHalf = halves[1] * spatialGate

        trace?.record("channel", channelGate.reshaped([n, groups, half]))
        trace?.record("spatial", spatialGate.reshaped([n, groups, half, h, w]))
        let joined = concat([channelHalf, spatialHalf], axis: 1).reshaped([n, c, h, w])
        return channelShuffle(joined, groups: 2)
    }

    /// No convolutions: the gates' affine maps (C/2 for the channel half; GroupNorm's and the
    /// gate's per position for the spatial half) and the two gating products.
    public func multiplyAdds(height: Int, width: Int) -> Int {
        let halfChannels = groups * half
        let positions = height * width
        return halfChannels + halfChannels * positions        // channel gate, channel product
            + 3 * halfChannels * positions                    // GroupNorm affine, gate affine, product
    }

    public var settings: [(key: String, value: String)] { [("groups", "\(groups)")] }

    /// The largest group count <= the requested one with channels divisible by 2*groups.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitDownward("groups", default: 64, channels: channels) { channels % (2 * $0) == 0 }
        return fitted
    }
}
