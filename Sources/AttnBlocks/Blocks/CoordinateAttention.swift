// Coordinate Attention: Hou, Zhou, Feng, "Coordinate Attention for Efficient Mobile Network
// Design", CVPR 2021. Reference: Andrew-Qibin/CoordAttention (now houqb/CoordAttention),
// coordatt.py, `CoordAtt(inp, oup, reduction=32)`, used here with oup = inp.
//
// What is subtle, all from the code: the H-pool (N,C,H,1) and the transposed W-pool (N,C,W,1) are
// concatenated along dim 2 and share one 1x1 conv (with bias) -> BatchNorm -> h_swish, where
// h_swish(x) = x * relu6(x + 3) / 6 comes after the BatchNorm; mip = max(8, inp // reduction).
// The two gates are plain sigmoids (not the hard sigmoid used inside h_swish), and the output is
// identity * a_w * a_h in that order. The module's own init is PyTorch's default for the convs
// (MobileNetV2-CA re-initialises them network-wide; that is the network's, not the block's).
// keys=mbv2_ca names the two gate convs as mbv2_ca.py's MobileNetV2 does: conv2 (H), conv3 (W).
import AttnEngine

public struct CoordinateAttention: AttentionBlock {
    public static let info = BlockInfo(
        name: "coordatt", aliases: ["ca"], title: "Coordinate Attention", paper: "Hou, Zhou & Feng, CVPR 2021",
        reference: "Andrew-Qibin/CoordAttention coordatt.py CoordAtt",
        summary: "a_h, a_w = sigmoid(conv_h/w(h_swish(bn1(conv1([pool_h; pool_w]))))); y = x * a_w * a_h",
        options: [.int("reduction", 32, 1...4096), .oneOf("keys", "coordatt", ["coordatt", "mbv2_ca"])], maps: [MapSpec("h", "a_h (channel x row)", .heightAxis(channelLast: false)), MapSpec("w", "a_w (channel x column)", .widthAxis)],
        strips: (h: "h", w: "w"))

    let reduction: Int
    let mip: Int
    let keys: String
    let conv1: Conv2dLayer, convH: Conv2dLayer, convW: Conv2dLayer
    let bn1: BatchNormLayer

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        reduction = try options.int("reduction")
        mip = max(8, channels / reduction)
        conv1 = try parameters.conv2d("conv1", in: channels, out: mip, kernel: (1, 1))
        bn1 = try parameters.batchNorm("bn1", channels: mip)
        keys = try options.word("keys")
        let (h, w) = keys == "coordatt" ? ("conv_h", "conv_w") : ("conv2", "conv3")
        convH = try parameters.conv2d(h, in: mip, out: channels, kernel: (1, 1))
        convW = try parameters.conv2d(w, in: mip, out: channels, kernel: (1, 1))
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        let pooledH = avgPoolAlongH(x)                                  // (N, C, H, 1)
        let pooledW = avgPoolAlongW(x).reshaped([n, c, w, 1])           // (N, C, 1, W) permuted to (N, C, W, 1)
        let y = hardSwish(bn1(conv1(concat([pooledH, pooledW], axis: 2))))  // (N, mip, H+W, 1)
        let parts = split(y, sizes: [h, w], axis: 2)
        let gateH = sigmoid(convH(parts[0]))                            // (N, C, H, 1)
        let gateW = sigmoid(convW(parts[1].reshaped([n, mip, 1, w])))   // (N, C, 1, W)
        trace?.record("h", gateH.reshaped([n, c, h]))
        trace?.record("w", gateW.reshaped([n, c, w]))
        return x * gateW * gateH
    }

    /// conv1 on the H+W pooled positions, conv_h on H, conv_w on W, and the two gating products.
    public func multiplyAdds(height: Int, width: Int) -> Int {
        let channels = conv1.weight.shape[1]
        return conv1.multiplyAdds(height: height + width, width: 1) + convH.multiplyAdds(height: height, width: 1)
            + convW.multiplyAdds(height: 1, width: width) + 2 * channels * height * width
    }

    public var settings: [(key: String, value: String)] {
        [("reduction", "\(reduction)"), ("mip", "\(mip)")] + (keys == "coordatt" ? [] : [("keys", keys)])
    }
}
