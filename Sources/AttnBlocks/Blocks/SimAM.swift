// SimAM: Yang, Zhang, Li, Xie, "SimAM: A Simple, Parameter-Free Attention Module for
// Convolutional Neural Networks", ICML 2021. Reference: ZjjConan/SimAM,
// networks/attentions/simam_module.py, `simam_module(channels=None, e_lambda=1e-4)`.
//
// What is subtle, all from the code: per channel, with n = H*W - 1 (not H*W: the variance is the
// unbiased one), d = (x - mean)^2 and y = d / (4 * (sum(d) / n + e_lambda)) + 0.5, and the output
// is x * sigmoid(y). No parameters. With H*W = 1, n = 0 and the reference divides by zero, so a
// 1x1 input is refused.
import AttnEngine

public struct SimAM: AttentionBlock {
    public static let info = BlockInfo(
        name: "simam", title: "SimAM", paper: "Yang et al., ICML 2021",
        reference: "ZjjConan/SimAM networks/attentions/simam_module.py",
        summary: "energy = sigmoid((x-mu)^2 / (4*(sum((x-mu)^2)/(HW-1) + lambda)) + 0.5); y = x * energy",
        options: [.number("e_lambda", "1e-4", 1e-12...1e6)], maps: [MapSpec("energy", "energy", .channelPlanes(groups: false))])

    let channels: Int
    let lambda: Float

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        self.channels = channels
        // lambda (positive, by its range) keeps the denominator positive where a channel is constant.
        lambda = try options.float("e_lambda")
    }

    public func validate(height: Int, width: Int) throws {
        guard height * width >= 2 else {
            throw BlockError("simam", "a \(height)x\(width) input leaves n = H*W-1 = \(height * width - 1); "
                + "SimAM needs at least 2 positions")
        }
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (_, _, h, w) = x.nchw
        let n = Float(h * w - 1)
        let centered = x - mean(x, axes: [2, 3], keepDims: true)
        let squared = centered * centered                                        // (N, C, H, W)
        let denominator = (sum(squared, axes: [2, 3], keepDims: true) / n + lambda) * 4  // (N, C, 1, 1)
        let energy = sigmoid(squared / denominator + 0.5)
        trace?.record("energy", energy)
        return x * energy
    }

    /// Per position: the square, the scaling by the denominator, the gating product.
    public func multiplyAdds(height: Int, width: Int) -> Int { 3 * channels * height * width }

    public var settings: [(key: String, value: String)] { [("e_lambda", "\(lambda)")] }
}
