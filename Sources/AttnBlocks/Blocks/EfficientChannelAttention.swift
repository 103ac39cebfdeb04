// ECA: Wang, Wu, Zhu, Li, Zuo, Hu, "ECA-Net: Efficient Channel Attention for Deep Convolutional
// Neural Networks", CVPR 2020. Reference: BangguWu/ECANet, models/eca_module.py, `eca_layer`.
//
// What is subtle, all from the code: k_size is a fixed constructor argument (default 3; the
// ResNets pass it per stage), not the paper's adaptive k = |log2(C)/gamma + b/gamma|_odd, which
// lives elsewhere. The pooled (N, C) vector is treated as a 1-channel sequence of length C and
// cross-correlated by Conv1d(1, 1, k, padding (k-1)//2, bias=False), so the channels at the ends
// see zeros. An even k leaves C-1 outputs and the reference fails on it, so it is rejected here.
import AttnEngine

public struct EfficientChannelAttention: AttentionBlock {
    public static let info = BlockInfo(
        name: "eca", title: "Efficient Channel Attention", paper: "Wang et al., CVPR 2020",
        reference: "BangguWu/ECANet models/eca_module.py eca_layer",
        summary: "channel weights = sigmoid(conv1d_k(avgpool(x)) across channels); y = x * weights",
        options: [.int("k_size", 3, 1...63, odd: true, why: "with padding (k_size-1)//2 an even kernel gives C-1 weights; the reference fails on it")], maps: [MapSpec("channel", "channel weights", .channelVector(groups: false))])

    let channels: Int
    let kSize: Int
    /// Conv1d's (1, 1, k) weight viewed as a (1, 1, 1, k) Conv2d kernel over a (N, 1, 1, C) row.
    let kernel: Tensor

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        self.channels = channels
        // Odd by its spec: with padding (k_size-1)//2 an even kernel gives C-1 weights; the reference fails on it.
        kSize = try options.int("k_size")
        // nn.Conv1d(1, 1, k): fan_in = k.
        kernel = try parameters.tensor("conv.weight", [1, 1, kSize], initialization: .pytorchDefault(fanIn: kSize))
            .reshaped([1, 1, 1, kSize])
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, _, _) = x.nchw
        let pooled = mean(x, axes: [2, 3]).reshaped([n, 1, 1, c])
        let p = (kSize - 1) / 2
        let mixed = conv2d(pooled, weight: kernel, padding: Padding2D(top: 0, bottom: 0, left: p, right: p))
        let weights = sigmoid(mixed).reshaped([n, c])
        trace?.record("channel", weights)
        return x * weights.reshaped([n, c, 1, 1])
    }

    /// The k-tap conv across C channels and the gating product.
    public func multiplyAdds(height: Int, width: Int) -> Int {
        kSize * channels + channels * height * width
    }

    public var settings: [(key: String, value: String)] { [("k_size", "\(kSize)")] }
}
