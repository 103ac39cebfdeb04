// Triplet Attention: Misra, Nalamada, Arasanipalai, Hou, "Rotate to Attend: Convolutional Triplet
// Attention Module", WACV 2021. Reference: landskape-ai/triplet-attention triplet_attention.py.
// Three AttentionGates, each ZPool (cat(max, mean) over dim 1), a kxk conv 2->1 without bias,
// BatchNorm2d (eps 1e-5), sigmoid and a product, on three views of x (N, C, H, W):
//   cw: on x.permute(0,2,1,3) = (N, H, C, W), pooled over H   -> gate over (C, W)
//   hc: on x.permute(0,3,2,1) = (N, W, H, C), pooled over W   -> gate over (H, C)
//   hw: on x,                                  pooled over C   -> gate over (H, W)
//   y = 1/3 * (x*hw + x*cw + x*hc), or 1/2 * (x*cw + x*hc) with no_spatial.
// The authors fix k = 7; kernel_size must be odd (padding (k-1)/2 keeps the plane's size).
// keys=models names the gates as MODELS/triplet_attention.py does, the code the released
// ImageNet weights were trained with: ChannelGateH (cw), ChannelGateW (hc), SpatialGate (hw), each
// `.spatial.conv` / `.spatial.bn`.
import AttnEngine

public struct TripletAttention: AttentionBlock {
    public static let info = BlockInfo(
        name: "triplet", title: "Triplet Attention", paper: "Misra et al., WACV 2021",
        reference: "landskape-ai/triplet-attention triplet_attention.py",
        summary: "gates sigmoid(bn(conv([max, mean]))) over the (C,W), (H,C) and (H,W) planes; y = mean of x * gate",
        options: [.int("kernel_size", 7, 1...31, odd: true, why: "padding (k-1)/2 keeps the size"), .flag("no_spatial", false), .oneOf("keys", "triplet", ["triplet", "models"])],
        maps: [MapSpec("hw", "hw gate", .plane), MapSpec("cw", "cw gate (channel x column)", .widthAxis),
               MapSpec("hc", "hc gate (row x channel)", .heightAxis(channelLast: true))])

    struct Gate: Sendable {
        let conv: Conv2dLayer
        let bn: BatchNormLayer

        /// ZPool, conv, BN, sigmoid on (N, A, P, Q): the gate over the (P, Q) plane, (N, 1, P, Q).
        func callAsFunction(_ x: Tensor) -> Tensor {
            let pooled = concat([amax(x, axes: [1], keepDims: true), mean(x, axes: [1], keepDims: true)], axis: 1)
            return sigmoid(bn(conv(pooled)))
        }
    }

    let channels: Int
    let kernelSize: Int
    let noSpatial: Bool
    let keys: String
    let cw: Gate, hc: Gate, hw: Gate?

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        self.channels = channels
        kernelSize = try options.int("kernel_size")
        noSpatial = try options.bool("no_spatial")
        guard kernelSize >= 1 && kernelSize % 2 == 1 else {
            throw BlockError("triplet", "kernel_size must be odd and positive (padding (k-1)/2 keeps the size), got \(kernelSize)")
        }
        keys = try options.word("keys")
        let names = keys == "triplet"
            ? ["cw.conv", "hc.conv", "hw.conv"] : ["ChannelGateH.spatial", "ChannelGateW.spatial", "SpatialGate.spatial"]
        cw = try Self.gate(names[0], kernelSize, &parameters)
        hc = try Self.gate(names[1], kernelSize, &parameters)
        hw = noSpatial ? nil : try Self.gate(names[2], kernelSize, &parameters)
    }

    /// An AttentionGate at `prefix`: `prefix.conv.weight` (1, 2, k, k), `prefix.bn.*`.
    static func gate(_ prefix: String, _ k: Int, _ parameters: inout ParameterBuilder) throws -> Gate {
        Gate(conv: try parameters.conv2d("\(prefix).conv", in: 2, out: 1, kernel: (k, k),
                                         padding: .symmetric((k - 1) / 2), bias: false),
             bn: try parameters.batchNorm("\(prefix).bn", channels: 1, eps: 1e-5))
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        // cw: (N, H, C, W) -> gate (N, 1, C, W), seen from x as (N, C, 1, W).
        let cwGate = cw(permute(x, [0, 2, 1, 3]))
        trace?.record("cw", cwGate.reshaped([n, c, w]))
        // hc: (N, W, H, C) -> gate (N, 1, H, C), seen from x as (N, C, H, 1).
        let hcGate = hc(permute(x, [0, 3, 2, 1]))
        trace?.record("hc", hcGate.reshaped([n, h, c]))
        let hcAsX = permute(hcGate, [0, 3, 2, 1])                                        // (N, C, H, 1)
        let cwAsX = cwGate.reshaped([n, c, 1, w])
        guard let hw else {
            return (x * cwAsX + x * hcAsX) * Float(1.0 / 2.0)
        }
        let hwGate = hw(x)                                                               // (N, 1, H, W)
        trace?.record("hw", hwGate.reshaped([n, h, w]))
        return (x * hwGate + x * cwAsX + x * hcAsX) * Float(1.0 / 3.0)
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        // Each gate's conv over its own plane: (C, W), (H, C), (H, W); then one product per gate.
        let c = channels
        let convs = cw.conv.multiplyAdds(height: c, width: width) + hc.conv.multiplyAdds(height: height, width: c)
            + (hw?.conv.multiplyAdds(height: height, width: width) ?? 0)
        return convs + (noSpatial ? 2 : 3) * c * height * width
    }

    public var settings: [(key: String, value: String)] {
        [("kernel_size", "\(kernelSize)"), ("no_spatial", "\(noSpatial)")] + (keys == "triplet" ? [] : [("keys", keys)])
    }
}
