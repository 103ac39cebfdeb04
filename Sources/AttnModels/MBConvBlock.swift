// MBConvBlock: EfficientNet's inverted residual without squeeze-excitation (the Lite form):
// 1x1 expansion + BN + ReLU6 (absent when the expansion is 1), depthwise k x k + BN + ReLU6,
// 1x1 projection + BN, and the identity added back when stride is 1 and the channels match.
import AttnBlocks
import AttnEngine

struct MBConvBlock: Sendable {
    let expandWeight: Tensor?
    let expandNorm: BatchNormLayer?
    let depthwiseWeight: Tensor
    let depthwiseNorm: BatchNormLayer
    let projectWeight: Tensor
    let projectNorm: BatchNormLayer
    let stride: Int
    let residual: Bool

    init(index: Int, input: Int, output: Int, kernel: Int, stride: Int, expand: Int, parameters p: inout ParameterBuilder) throws {
        let key = "_blocks.\(index)."
        let hidden = input * expand
        if expand != 1 {
            expandWeight = try p.tensor(key + "_expand_conv.weight", [hidden, input, 1, 1], initialization: .constant(0))
            expandNorm = try p.batchNorm(key + "_bn0", channels: hidden, eps: EfficientNetLite0.eps)
        } else {
            expandWeight = nil
            expandNorm = nil
        }
        depthwiseWeight = try p.tensor(key + "_depthwise_conv.weight", [hidden, 1, kernel, kernel], initialization: .constant(0))
        depthwiseNorm = try p.batchNorm(key + "_bn1", channels: hidden, eps: EfficientNetLite0.eps)
        projectWeight = try p.tensor(key + "_project_conv.weight", [output, hidden, 1, 1], initialization: .constant(0))
        projectNorm = try p.batchNorm(key + "_bn2", channels: output, eps: EfficientNetLite0.eps)
        self.stride = stride
        residual = stride == 1 && input == output
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        var h = x
        if let expandWeight, let expandNorm { h = relu6(expandNorm(conv2d(h, weight: expandWeight))) }
        h = relu6(depthwiseNorm(sameConv(h, depthwiseWeight, stride: stride, groups: h.shape[1])))
        h = projectNorm(conv2d(h, weight: projectWeight))
        return residual ? h + x : h
    }
}
