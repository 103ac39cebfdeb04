// CBAM: Woo, Park, Lee, Kweon, "CBAM: Convolutional Block Attention Module", ECCV 2018.
// Reference: Jongchan/attention-module MODELS/cbam.py. As that code:
//   channel = sigmoid(sum over pool_types p of mlp(p(x)))   (N, C); mlp = Flatten, Linear C->C/r,
//             ReLU, Linear C/r->C (keys mlp.1, mlp.3), shared by all pools; pools over the whole
//             HxW plane: avg, max, lp (lp_pool2d norm 2: sqrt of the sum of squares), lse
//   x'      = x * channel
//   spatial = sigmoid(bn(conv7x7(cat(max over C of x', mean over C of x'))))   -- max first;
//             the conv has no bias, the BatchNorm eps 1e-5                       (N, 1, H, W)
//   y       = x' * spatial   (y = x' with no_spatial)
import AttnEngine
import Foundation

public struct ConvolutionalBlockAttentionModule: AttentionBlock {
    public static let info = BlockInfo(
        name: "cbam", title: "Convolutional Block Attention Module", paper: "Woo et al., ECCV 2018",
        reference: "Jongchan/attention-module MODELS/cbam.py",
        summary: "x' = x * sigmoid(sum of MLP(pools(x))); y = x' * sigmoid(bn(conv7x7([max_c x', mean_c x'])))",
        options: [.int("reduction", 16, 1...4096), .listOf("pool_types", "avg,max", poolKinds), .flag("no_spatial", false)],
        maps: [MapSpec("spatial", "spatial gate", .plane), MapSpec("channel", "channel weights", .channelVector(groups: false))])

    static let poolKinds = ["avg", "max", "lp", "lse"]

    let reduction: Int
    let poolTypes: [String]
    let noSpatial: Bool
    let fc1: LinearLayer, fc2: LinearLayer
    let spatialConv: Conv2dLayer?, spatialBN: BatchNormLayer?

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        reduction = try options.int("reduction")
        poolTypes = try options.list("pool_types")
        noSpatial = try options.bool("no_spatial")
        let hidden = channels / reduction
        guard hidden >= 1 else {
            throw BlockError("cbam", "\(channels) channels with reduction \(reduction) leave no hidden units")
        }
        fc1 = try parameters.linear("ChannelGate.mlp.1", in: channels, out: hidden)
        fc2 = try parameters.linear("ChannelGate.mlp.3", in: hidden, out: channels)
        if noSpatial {
            spatialConv = nil
            spatialBN = nil
        } else {
            spatialConv = try parameters.conv2d("SpatialGate.spatial.conv", in: 2, out: 1, kernel: (7, 7),
                                                padding: .symmetric(3), bias: false)
            spatialBN = try parameters.batchNorm("SpatialGate.spatial.bn", channels: 1, eps: 1e-5)
        }
    }

    /// One pool of the channel gate over each (H, W) plane: (N, C, H, W) -> (N, C); `kind` is one
    /// of avg, max, lp (sqrt of the sum of squares), lse (log-sum-exp).
    public static func pool(_ x: Tensor, _ kind: String) -> Tensor {
        let (n, c, h, w) = x.nchw
        let plane = h * w
        var out = [Float](repeating: 0, count: n * c)
        x.data.withUnsafeBufferPointer { p in
            for i in 0..<(n * c) {
                let v = p[(i * plane)..<((i + 1) * plane)]
                switch kind {
                case "avg": out[i] = v.reduce(0, +) / Float(plane)
                case "max": out[i] = v.max()!
                case "lp": out[i] = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
                default:  // "lse": s + log(sum(exp(x - s))), s = max
                    let s = v.max()!
                    out[i] = s + logf(v.reduce(0) { $0 + expf($1 - s) })
                }
            }
        }
        return Tensor(shape: [n, c], data: out)
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        var sum: Tensor?
        for kind in poolTypes {
            let raw = fc2(relu(fc1(Self.pool(x, kind))))                                // (N, C)
            sum = sum.map { $0 + raw } ?? raw
        }
        let channel = sigmoid(sum!)                                                      // (N, C)
        trace?.record("channel", channel)
        let refined = x * channel.reshaped([n, c, 1, 1])
        guard let spatialConv, let spatialBN else { return refined }

        let compressed = concat([amax(refined, axes: [1], keepDims: true),
                                 mean(refined, axes: [1], keepDims: true)], axis: 1)   // (N, 2, H, W): max, mean
        let spatial = sigmoid(spatialBN(spatialConv(compressed)))                        // (N, 1, H, W)
        trace?.record("spatial", spatial.reshaped([n, h, w]))
        return refined * spatial
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        let c = fc1.weight.shape[1]
        let mlp = poolTypes.count * (fc1.multiplyAdds + fc2.multiplyAdds)
        let spatial = spatialConv.map { $0.multiplyAdds(height: height, width: width) + c * height * width } ?? 0
        return mlp + c * height * width + spatial
    }

    public var settings: [(key: String, value: String)] {
        [("reduction", "\(reduction)"), ("pool_types", poolTypes.joined(separator: ",")),
         ("no_spatial", "\(noSpatial)")]
    }

    /// Narrow layers: the reduction may not exceed the channel count.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitReduction(default: 16, channels: channels)
        return fitted
    }
}
