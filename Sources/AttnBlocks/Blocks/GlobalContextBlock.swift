// Global Context block: Cao, Xu, Lin, Wei, Hu, "GCNet: Non-local Networks Meet Squeeze-Excitation
// Networks and Beyond", ICCVW 2019. Reference: xvjiarui/GCNet, mmdet/ops/gcb/context_block.py
// (ContextBlock; the same code is mmcv's ContextBlock).
//
// Subtle points of the authors' code:
// - 'att' pooling is a softmax over all H*W positions of a 1x1 conv (with bias) to one channel; the
//   context is the softmax-weighted sum of x. 'avg' pooling is a plain global average.
// - planes = int(inplanes * ratio), computed in double precision as Python does.
// - Each fusion transform is Conv 1x1 (C->P), LayerNorm([P, 1, 1]) (normalising across the P
//   channels of the pooled vector, eps 1e-5), ReLU, Conv 1x1 (P->C): keys `.0`, `.1`, `.3`.
// - With both fusions the multiplication comes first: out = x * sigmoid(mul) + add.
// - Init: conv_mask kaiming_normal(fan_in) with zero bias; the last conv of each transform is zero
//   (last_zero_init), so an untrained block is the identity (add) or x/2 (mul) for every seed.
import AttnEngine

public struct GlobalContextBlock: AttentionBlock {
    public static let info = BlockInfo(
        name: "gc", aliases: ["gcnet"], title: "Global Context block",
        paper: "Cao et al., GCNet, ICCVW 2019", reference: "xvjiarui/GCNet mmdet/ops/gcb/context_block.py",
        summary: "context = sum(x * softmax(conv_mask(x))); y = x * sigmoid(mul(context)) + add(context)",
        options: [.number("ratio", "0.0625", 0.001...4), .oneOf("pooling", "att", ["att", "avg"]), .listOf("fusion", "add", ["add", "mul"])],
        maps: [MapSpec("context", "context mask", .plane), MapSpec("channel_add", "channel add", .channelVector(groups: false)),
               MapSpec("channel_mul", "channel mul", .channelVector(groups: false))],
        untrainedConstant: ["channel_add": "the reference zero-initialises channel_add_conv.3, so the add term is 0 until trained",
                            "channel_mul": "the reference zero-initialises channel_mul_conv.3, so the mul gate is sigmoid(0) until trained"])

    let ratio: Double
    let planes: Int
    let pooling: String
    let fusions: [String]
    let convMask: Conv2dLayer?
    let channelAdd: GlobalContextTransform?
    let channelMul: GlobalContextTransform?

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        // A Double, so that planes = int(C * ratio) rounds exactly as the Python reference does.
        ratio = try options.double("ratio")
        planes = Int(Double(channels) * ratio)
        guard planes >= 1 else {
            throw BlockError("gc", "\(channels) channels with ratio \(ratio) leave no planes (int(C * ratio) = 0)")
        }
        pooling = try options.word("pooling")
        let fusion = try options.list("fusion")
        fusions = ["add", "mul"].filter(fusion.contains)

        convMask = pooling == "att"
            ? try parameters.conv2d("conv_mask", in: channels, out: 1, kernel: (1, 1),
                                    weightInit: .kaimingNormal(fan: channels), biasInit: .constant(0))
            : nil
        channelAdd = fusions.contains("add")
            ? try GlobalContextTransform("channel_add_conv", channels: channels, planes: planes, &parameters)
            : nil
        channelMul = fusions.contains("mul")
            ? try GlobalContextTransform("channel_mul_conv", channels: channels, planes: planes, &parameters)
            : nil
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        let context: Tensor                                              // (N, C, 1, 1)
        if let convMask {
            let mask = softmax(convMask(x).reshaped([n, 1, h * w]), axis: 2)  // (N, 1, HW)
            trace?.record("context", mask.reshaped([n, h, w]))
            // (N, C, HW) x (N, HW, 1): the mask-weighted sum over positions.
            context = matmul(x.reshaped([n, c, h * w]), mask.reshaped([n, h * w, 1])).reshaped([n, c, 1, 1])
        } else {
            context = globalAvgPool(x)
        }
        var out = x
        if let channelMul {
            let term = sigmoid(channelMul(context))                      // (N, C, 1, 1)
            trace?.record("channel_mul", term.reshaped([n, c]))
            out = out * term
        }
        if let channelAdd {
            let term = channelAdd(context)
            trace?.record("channel_add", term.reshaped([n, c]))
            out = out + term
        }
        return out
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        let plane = height * width
        let channels = channelAdd?.channels ?? channelMul?.channels ?? 0
        var total = 0
        if let convMask { total += convMask.multiplyAdds(height: height, width: width) + channels * plane }
        if let channelAdd { total += channelAdd.multiplyAdds }
        if let channelMul { total += channelMul.multiplyAdds + channels * plane }
        return total
    }

    public var settings: [(key: String, value: String)] {
        [("ratio", "\(ratio)"), ("planes", "\(planes)"), ("pooling", pooling),
         ("fusion", fusions.joined(separator: ","))]
    }
}

/// Sequential(Conv2d(C, P, 1), LayerNorm([P, 1, 1]), ReLU, Conv2d(P, C, 1)) on the (N, C, 1, 1) context.
struct GlobalContextTransform: Sendable {
    let expand: Conv2dLayer
    let normWeight: Tensor, normBias: Tensor
    let project: Conv2dLayer

    init(_ name: String, channels: Int, planes: Int, _ parameters: inout ParameterBuilder) throws {
        expand = try parameters.conv2d("\(name).0", in: channels, out: planes, kernel: (1, 1))
        normWeight = try parameters.tensor("\(name).1.weight", [planes, 1, 1], initialization: .constant(1))
        normBias = try parameters.tensor("\(name).1.bias", [planes, 1, 1], initialization: .constant(0))
        // last_zero_init: the transform starts as zero.
        project = try parameters.conv2d("\(name).3", in: planes, out: channels, kernel: (1, 1),
                                        weightInit: .constant(0), biasInit: .constant(0))
    }

    var channels: Int { project.weight.shape[0] }

    func callAsFunction(_ context: Tensor) -> Tensor {
        let hidden = layerNorm(expand(context), normalizedDims: 3, weight: normWeight, bias: normBias)
        return project(relu(hidden))
    }

    var multiplyAdds: Int { expand.weight.count + project.weight.count }

    /// A ratio that leaves no planes (int(C * ratio) = 0) becomes one that leaves one.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        let text = options.values["ratio"] ?? "0.0625"
        if let ratio = Double(text), ratio > 0, Int(Double(channels) * ratio) == 0 {
            fitted.set("ratio", "\(1.5 / Double(channels))", from: text, channels: channels)
        }
        return fitted
    }
}
