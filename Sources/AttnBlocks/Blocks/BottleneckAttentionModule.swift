// BAM: Park, Woo, Lee, Kweon, "BAM: Bottleneck Attention Module", BMVC 2018.
// Reference: Jongchan/attention-module MODELS/bam.py (which does not build as published: its
// ChannelGate reads an undefined `gate_activation`; without that line it runs). As that code:
//   channel = fc_final(relu(bn1(fc_0(flatten(avg_pool2d(x, kernel H, stride H))))))   (N, C)
//   spatial = conv_final(relu(bn(conv_di(... relu(bn(conv_reduce0(x)))))))          (N, 1, H, W)
//   gate    = 1 + sigmoid(channel * spatial)     -- a product; the paper writes a sum
//   y       = gate * x
// The channel pool has a kernel of H only: on an input with H <= W < 2H it averages the
// leftmost HxH window and ignores the other columns; on W < H (pool too small) or W >= 2H
// (Flatten gives C*floor(W/H) features for a Linear of C) the reference fails, so `validate`
// rejects those sizes.
import AttnEngine

public struct BottleneckAttentionModule: AttentionBlock {
    public static let info = BlockInfo(
        name: "bam", title: "Bottleneck Attention Module", paper: "Park et al., BMVC 2018",
        reference: "Jongchan/attention-module MODELS/bam.py",
        summary: "channel = MLP(avgpool HxH(x)), spatial = dilated convs(x); y = x * (1 + sigmoid(channel * spatial))",
        options: [.int("reduction", 16, 1...4096), .int("dilation_conv_num", 2, 0...16), .int("dilation_val", 4, 1...64)],
        maps: [MapSpec("spatial", "spatial (before the sigmoid)", .plane), MapSpec("gate", "gate 1+sigmoid(c*s)", .channelPlanes(groups: false)),
               MapSpec("channel", "channel (before the sigmoid)", .channelVector(groups: false))])

    let reduction: Int, dilationConvNum: Int, dilationVal: Int
    // Channel gate: channel_att.gate_c.*
    let fc0: LinearLayer, bn1: BatchNormLayer, fcFinal: LinearLayer
    // Spatial gate: spatial_att.gate_s.*
    let convReduce: Conv2dLayer, bnReduce: BatchNormLayer
    let dilated: [(conv: Conv2dLayer, bn: BatchNormLayer)]
    let convFinal: Conv2dLayer

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        reduction = try options.int("reduction")
        dilationConvNum = try options.int("dilation_conv_num")
        dilationVal = try options.int("dilation_val")
        let hidden = channels / reduction
        guard hidden >= 1 else {
            throw BlockError("bam", "\(channels) channels with reduction \(reduction) leave no hidden units")
        }
        fc0 = try parameters.linear("channel_att.gate_c.gate_c_fc_0", in: channels, out: hidden)
        bn1 = try parameters.batchNorm("channel_att.gate_c.gate_c_bn_1", channels: hidden)
        fcFinal = try parameters.linear("channel_att.gate_c.gate_c_fc_final", in: hidden, out: channels)

        let s = "spatial_att.gate_s."
        convReduce = try parameters.conv2d(s + "gate_s_conv_reduce0", in: channels, out: hidden, kernel: (1, 1))
        bnReduce = try parameters.batchNorm(s + "gate_s_bn_reduce0", channels: hidden)
        var dilated = [(conv: Conv2dLayer, bn: BatchNormLayer)]()
        for i in 0..<dilationConvNum {
            let conv = try parameters.conv2d(
                s + "gate_s_conv_di_\(i)", in: hidden, out: hidden, kernel: (3, 3),
                padding: .symmetric(dilationVal), dilation: (dilationVal, dilationVal))
            dilated.append((conv, try parameters.batchNorm(s + "gate_s_bn_di_\(i)", channels: hidden)))
        }
        self.dilated = dilated
        convFinal = try parameters.conv2d(s + "gate_s_conv_final", in: hidden, out: 1, kernel: (1, 1))
    }

    public func validate(height: Int, width: Int) throws {
        if width < height {
            throw BlockError("bam", "input \(height)x\(width) is narrower than tall: the reference's channel pool "
                             + "(kernel H x H = \(height)x\(height)) fails when W < H")
        }
        if width >= 2 * height {
            throw BlockError("bam", "input \(height)x\(width) is at least twice as wide as tall: the reference's "
                             + "channel pool (kernel H x H) gives \(width / height) windows per channel and its "
                             + "first Linear fails; W must be in [H, 2H)")
        }
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        precondition(w >= h && w < 2 * h, "bam: input \(h)x\(w) needs H <= W < 2H (see validate)")
        // avg_pool2d(x, H, stride=H): one HxH window at the left (validate keeps W < 2H).
        let pooled = pool2d(x, kind: .average, kernel: (h, h)).reshaped([n, c])        // (N, C)
        let channel = fcFinal(relu(bn1(fc0(pooled))))                                    // (N, C)

        var s = relu(bnReduce(convReduce(x)))                                            // (N, C/r, H, W)
        for layer in dilated { s = relu(layer.bn(layer.conv(s))) }
        let spatial = convFinal(s)                                                       // (N, 1, H, W)

        let gate = sigmoid(channel.reshaped([n, c, 1, 1]) * spatial) + 1                 // (N, C, H, W)
        trace?.record("channel", channel)
        trace?.record("spatial", spatial.reshaped([n, h, w]))
        trace?.record("gate", gate)
        return gate * x
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        let c = fc0.weight.shape[1]
        let convs = convReduce.multiplyAdds(height: height, width: width)
            + dilated.reduce(0) { $0 + $1.conv.multiplyAdds(height: height, width: width) }
            + convFinal.multiplyAdds(height: height, width: width)
        // channel * spatial, then gate * x.
        return fc0.multiplyAdds + fcFinal.multiplyAdds + convs + 2 * c * height * width
    }

    public var settings: [(key: String, value: String)] {
        [("reduction", "\(reduction)"), ("dilation_conv_num", "\(dilationConvNum)"), ("dilation_val", "\(dilationVal)")]
    }

    /// Narrow layers: the reduction may not exceed the channel count.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitReduction(default: 16, channels: channels)
        return fitted
    }
}
