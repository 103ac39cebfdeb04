// Layers: conv, linear and batch-norm layers as the blocks declare them, each with PyTorch's
// default initialisation and state_dict keys ("<name>.weight", "<name>.bias", and BatchNorm's
// running statistics, whose "num_batches_tracked" is accepted and ignored).
import AttnEngine

public struct Conv2dLayer: Sendable {
    public let weight: Tensor
    public let bias: Tensor?
    public let stride: (Int, Int)
    public let padding: Padding2D
    public let dilation: (Int, Int)
    public let groups: Int
    public let paddingMode: PaddingMode

    public func callAsFunction(_ x: Tensor) -> Tensor {
        conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
               groups: groups, paddingMode: paddingMode)
    }

    /// Multiply-adds on an input of height x width (batch 1).
    public func multiplyAdds(height: Int, width: Int) -> Int {
        let g = WindowGeometry(inputH: height, inputW: width, kernel: (weight.shape[2], weight.shape[3]),
                               stride: stride, dilation: dilation, padding: padding)
        return weight.count * g.outputH * g.outputW
    }
}

public struct LinearLayer: Sendable {
    public let weight: Tensor
    public let bias: Tensor?

    public func callAsFunction(_ x: Tensor) -> Tensor { linear(x, weight: weight, bias: bias) }

    public var multiplyAdds: Int { weight.count }
}

public struct BatchNormLayer: Sendable {
    public let weight: Tensor
    public let bias: Tensor
    public let runningMean: Tensor
    public let runningVar: Tensor
    public let eps: Float

    public func callAsFunction(_ x: Tensor) -> Tensor {
        batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar, eps: eps)
    }
}

extension ParameterBuilder {
    /// nn.Conv2d(in, out, kernel, stride, padding, dilation, groups, bias).
    public mutating func conv2d(
        _ name: String, in inChannels: Int, out outChannels: Int, kernel: (Int, Int), stride: (Int, Int) = (1, 1),
        padding: Padding2D = .zero, dilation: (Int, Int) = (1, 1), groups: Int = 1, bias: Bool = true,
        paddingMode: PaddingMode = .zeros, weightInit: Initialization? = nil, biasInit: Initialization? = nil
    ) throws -> Conv2dLayer {
        let fanIn = inChannels / groups * kernel.0 * kernel.1
        let weight = try tensor("\(name).weight", [outChannels, inChannels / groups, kernel.0, kernel.1],
                                initialization: weightInit ?? .pytorchDefault(fanIn: fanIn))
        let b = bias
            ? try tensor("\(name).bias", [outChannels],
                         initialization: biasInit ?? .uniform(bound: 1 / Float(max(fanIn, 1)).squareRoot()))
            : nil
        return Conv2dLayer(weight: weight, bias: b, stride: stride, padding: padding, dilation: dilation,
                           groups: groups, paddingMode: paddingMode)
    }

    /// nn.Linear(in, out, bias); `acceptConv1x1` also takes the weight stored as a 1x1 conv.
    public mutating func linear(
        _ name: String, in inFeatures: Int, out outFeatures: Int, bias: Bool = true, acceptConv1x1: Bool = false,
        weightInit: Initialization? = nil, biasInit: Initialization? = nil
    ) throws -> LinearLayer {
        let weight = try tensor("\(name).weight", [outFeatures, inFeatures],
                                initialization: weightInit ?? .pytorchDefault(fanIn: inFeatures),
                                alternativeShapes: acceptConv1x1 ? [[outFeatures, inFeatures, 1, 1]] : [])
        let b = bias
            ? try tensor("\(name).bias", [outFeatures],
                         initialization: biasInit ?? .uniform(bound: 1 / Float(max(inFeatures, 1)).squareRoot()))
            : nil
        return LinearLayer(weight: weight, bias: b)
    }

    /// nn.BatchNorm1d/2d(channels, eps): weight 1, bias 0, running mean 0, running var 1.
    public mutating func batchNorm(_ name: String, channels: Int, eps: Float = 1e-5) throws -> BatchNormLayer {
        let weight = try tensor("\(name).weight", [channels], initialization: .constant(1))
        let bias = try tensor("\(name).bias", [channels], initialization: .constant(0))
        let mean = try tensor("\(name).running_mean", [channels], initialization: .constant(0), trainable: false)
        let variance = try tensor("\(name).running_var", [channels], initialization: .constant(1), trainable: false)
        ignore("\(name).num_batches_tracked")
        return BatchNormLayer(weight: weight, bias: bias, runningMean: mean, runningVar: variance, eps: eps)
    }
}
