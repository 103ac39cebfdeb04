// ACmix: Pan, Ge, Lu, Song, Chen, Huang, Huang, "On the Integration of Self-Attention and
// Convolution", CVPR 2022. Reference: LeapLabTHU/ACmix, ResNet/test_bottleneck.py (class ACmix, the
// block that ResNet/ResNet_ImageNet.py puts in its bottlenecks), with in_planes = out_planes = C.
//
// Both paths share the three 1x1 projections q, k, v:
// - attention: per head, a softmax over the k_att x k_att window around each pixel of
//   q * head_dim^-0.5 . (k + pe(centre) - pe(window)), on reflection-padded k, v and pe; pe is
//   conv_p of a 2-channel grid, linspace(-1, 1) over W in channel 0 and over H in channel 1.
//   With stride s, q and its pe are taken at every s-th pixel and the window moves by s.
// - convolution: fc (a bias-free 1x1 conv over the 3*head "channels" of q, k, v viewed as
//   (N, 3*head, head_dim, HW)) makes k_conv^2 feature maps per head_dim, which dep_conv (groups =
//   head_dim, padding 1) mixes; it is initialised as shifts (a one-hot at (i/3, i%3) for input i).
// - out = rate1 * attention path + rate2 * convolution path, rates initialised to 0.5.
// What the code does and a reader may not expect: `reset_parameters` sets dep_conv.bias to the
// return value of init_rate_0, which is None, so dep_conv has no bias (and no state_dict key);
// dep_conv's padding is a fixed 1, so only kernel_conv = 3 keeps the size (other values fail in
// the reference); `dilation` only enlarges the padding, not the unfold, and breaks it, so it is not
// offered; an even kernel_att fails the same way.
import AttnEngine
import Foundation

public struct ACmix: AttentionBlock {
    public static let info = BlockInfo(
        name: "acmix", title: "ACmix", paper: "Pan et al., CVPR 2022",
        reference: "LeapLabTHU/ACmix ResNet/test_bottleneck.py",
        summary: "y = rate1 * local window self-attention(q, k, v) + rate2 * shift conv(fc(q, k, v))",
        options: [.int("kernel_att", 7, 1...31, odd: true, why: "an even window does not keep the size"), .int("head", 4, 1...256),
                  .int("kernel_conv", 3, 3...3, why: "the reference's dep_conv pads by 1, so only 3 keeps the size"),
                  .int("stride", 1, 1...8)],
        maps: [MapSpec("attention", "attention windows", .windows), MapSpec("rate", "rates", .scalars)])

    let head: Int, headDim: Int
    let kernelAtt: Int, kernelConv: Int, stride: Int
    let rate1: Tensor, rate2: Tensor
    let conv1: Conv2dLayer, conv2: Conv2dLayer, conv3: Conv2dLayer, convP: Conv2dLayer
    let fc: Conv2dLayer, depConv: Conv2dLayer

    /// (dilation * (kernel_att - 1) + 1) // 2 with dilation 1.
    var paddingAtt: Int { kernelAtt / 2 }

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {
        // kernel_att is odd (an even window does not keep the size) and kernel_conv 3 (the
        // reference's dep_conv has a fixed padding of 1), by their specs.
        kernelAtt = try options.int("kernel_att")
        head = try options.int("head")
        kernelConv = try options.int("kernel_conv")
        stride = try options.int("stride")
        guard channels % head == 0 else {
            throw BlockError("acmix", "\(channels) channels are not divisible by head = \(head)")
        }
        headDim = channels / head
        let taps = kernelConv * kernelConv

        rate1 = try parameters.tensor("rate1", [1], initialization: .constant(0.5))
        rate2 = try parameters.tensor("rate2", [1], initialization: .constant(0.5))
        conv1 = try parameters.conv2d("conv1", in: channels, out: channels, kernel: (1, 1))
        conv2 = try parameters.conv2d("conv2", in: channels, out: channels, kernel: (1, 1))
        conv3 = try parameters.conv2d("conv3", in: channels, out: channels, kernel: (1, 1))
        convP = try parameters.conv2d("conv_p", in: 2, out: headDim, kernel: (1, 1))
        fc = try parameters.conv2d("fc", in: 3 * head, out: taps, kernel: (1, 1), bias: false)
        depConv = try parameters.conv2d(
            "dep_conv", in: taps * headDim, out: channels, kernel: (kernelConv, kernelConv), stride: (stride, stride),
            padding: .symmetric(1), groups: headDim, bias: false,
            weightInit: .values(Self.shiftKernel(channels: channels, kernel: kernelConv)))
    }

    /// reset_parameters: kernel[i, i // k, i % k] = 1, repeated for every output channel: (C, k*k, k, k).
    static func shiftKernel(channels: Int, kernel k: Int) -> [Float] {
        var one = [Float](repeating: 0, count: k * k * k * k)
        for i in 0..<(k * k) { one[(i * k + i / k) * k + i % k] = 1 }
        return Array([[Float]](repeating: one, count: channels).joined())
    }

    public func validate(height: Int, width: Int) throws {
        guard height > paddingAtt && width > paddingAtt else {
            throw BlockError("acmix", "input \(height)x\(width) is too small: the reflection padding of"
                             + " \(paddingAtt) needs height and width above \(paddingAtt)")
        }
        guard height % stride == 0 && width % stride == 0 else {
            throw BlockError("acmix", "input \(height)x\(width) is not divisible by stride \(stride)")
        }
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (n, c, h, w) = x.nchw
        let q = conv1(x), k = conv2(x), v = conv3(x)                     // (N, C, H, W) each
        let (hOut, wOut) = (h / stride, w / stride)

        // Attention path, on (N*head, head_dim, H, W) views.
        let pe = convP(Self.position(height: h, width: w))               // (1, head_dim, H, W)
        let padding = Padding2D.symmetric(paddingAtt)
        let scaling = Float(pow(Double(headDim), -0.5))
        let heads = [n * head, headDim, h, w]
        let logits = ACmixWindow.logits(
            query: q.reshaped(heads) * scaling, paddedKey: pad(k.reshaped(heads), padding, mode: .reflect),
            position: pe, paddedPosition: pad(pe, padding, mode: .reflect), kernel: kernelAtt, stride: stride)
        let attention = softmax(logits, axis: 1)                         // (N*head, k_att^2, H', W')
        trace?.record("attention", attention.reshaped([n, head, kernelAtt * kernelAtt, hOut, wOut]))
        let outAtt = ACmixWindow.weightedSum(
            attention, paddedValue: pad(v.reshaped(heads), padding, mode: .reflect), kernel: kernelAtt, stride: stride)
            .reshaped([n, c, hOut, wOut])

        // Convolution path: fc over the 3*head axis of (N, 3*head, head_dim, HW).
        let grouped = [n, head, headDim, h * w]
        let fAll = fc(concat([q.reshaped(grouped), k.reshaped(grouped), v.reshaped(grouped)], axis: 1))
        let fConv = permute(fAll, [0, 2, 1, 3]).reshaped([n, -1, h, w])  // (N, head_dim*k_conv^2, H, W)
        let outConv = depConv(fConv)                                     // (N, C, H', W')

        trace?.record("rate", Tensor(shape: [2], data: [rate1.data[0], rate2.data[0]]))
        return outAtt * rate1.data[0] + outConv * rate2.data[0]
    }

    /// position(H, W): (1, 2, H, W), channel 0 = linspace(-1, 1, W) along W, channel 1 along H.
    static func position(height: Int, width: Int) -> Tensor {
        let alongW = linspace(width), alongH = linspace(height)
        var data = [Float](repeating: 0, count: 2 * height * width)
        for y in 0..<height {
            for x in 0..<width {
                data[y * width + x] = alongW[x]
                data[height * width + y * width + x] = alongH[y]
            }
        }
        return Tensor(shape: [1, 2, height, width], data: data)
    }

    /// torch.linspace(-1, 1, steps), filled from both ends as PyTorch does.
    static func linspace(_ steps: Int) -> [Float] {
        guard steps > 1 else { return [Float](repeating: -1, count: steps) }
        let step = Float(2) / Float(steps - 1)
        return (0..<steps).map { i in i < steps / 2 ? -1 + step * Float(i) : 1 - step * Float(steps - 1 - i) }
    }

    public func multiplyAdds(height: Int, width: Int) -> Int {
        let (hOut, wOut) = (height / stride, width / stride)
        let channels = conv1.weight.shape[0]
        let projections = [conv1, conv2, conv3, convP].reduce(0) { $0 + $1.multiplyAdds(height: height, width: width) }
        // Logits and the weighted sum of v: one product per channel, window tap and output pixel each.
        let window = 2 * channels * kernelAtt * kernelAtt * hOut * wOut
        let mixing = fc.weight.count * headDim * height * width + depConv.multiplyAdds(height: height, width: width)
        return projections + window + mixing + 2 * channels * hOut * wOut
    }

    public var settings: [(key: String, value: String)] {
        [("kernel_att", "\(kernelAtt)"), ("head", "\(head)"), ("kernel_conv", "\(kernelConv)"), ("stride", "\(stride)")]
    }
}

/// The local-window products of ACmix's attention path, as plain loops over the reflection-padded
/// maps (what unfold + broadcasting computes in the reference, without the k_att^2-fold copies).
enum ACmixWindow {
    /// logits[b, ky*K+kx, oy, ox] = sum_d q[b, d, oy*s, ox*s]
    ///     * (key[b, d, oy*s+ky, ox*s+kx] + pe[d, oy*s, ox*s] - pePadded[d, oy*s+ky, ox*s+kx]).
    /// query (B, D, H, W); paddedKey (B, D, Hp, Wp); position (1, D, H, W); paddedPosition (1, D, Hp, Wp).
    static func logits(
        query: Tensor, paddedKey: Tensor, position: Tensor, paddedPosition: Tensor, kernel: Int, stride s: Int
    ) -> Tensor {
        let (batch, depth, h, w) = query.nchw
        let (hp, wp) = (paddedKey.shape[2], paddedKey.shape[3])
        let hOut = (hp - kernel) / s + 1, wOut = (wp - kernel) / s + 1
        let taps = kernel * kernel, outPlane = hOut * wOut
        var out = [Float](repeating: 0, count: batch * taps * outPlane)
        query.data.withUnsafeBufferPointer { q in
            paddedKey.data.withUnsafeBufferPointer { key in
                position.data.withUnsafeBufferPointer { pe in
                    paddedPosition.data.withUnsafeBufferPointer { pePad in
                        out.withUnsafeMutableBufferPointer { o in
                            for b in 0..<batch {
                                for d in 0..<depth {
                                    let qPlane = (b * depth + d) * h * w, kPlane = (b * depth + d) * hp * wp
                                    let pePlane = d * h * w, padPlane = d * hp * wp
                                    for j in 0..<taps {
                                        let (ky, kx) = (j / kernel, j % kernel)
                                        let oBase = (b * taps + j) * outPlane
                                        for oy in 0..<hOut {
                                            let y = oy * s
                                            for ox in 0..<wOut {
                                                let x = ox * s
                                                let window = (y + ky) * wp + x + kx
                                                let relative = key[kPlane + window] + pe[pePlane + y * w + x]
                                                    - pePad[padPlane + window]
                                                o[oBase + oy * wOut + ox] += q[qPlane + y * w + x] * relative
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [batch, taps, hOut, wOut], data: out)
    }

    /// out[b, d, oy, ox] = sum_j attention[b, j, oy, ox] * value[b, d, oy*s+ky, ox*s+kx], j = ky*K+kx.
    /// attention (B, K*K, H', W'); paddedValue (B, D, Hp, Wp).
    static func weightedSum(_ attention: Tensor, paddedValue: Tensor, kernel: Int, stride s: Int) -> Tensor {
        let (batch, taps, hOut, wOut) = attention.nchw
        let (depth, hp, wp) = (paddedValue.shape[1], paddedValue.shape[2], paddedValue.shape[3])
        let outPlane = hOut * wOut
        var out = [Float](repeating: 0, count: batch * depth * outPlane)
        attention.data.withUnsafeBufferPointer { a in
            paddedValue.data.withUnsafeBufferPointer { v in
                out.withUnsafeMutableBufferPointer { o in
                    for b in 0..<batch {
                        for d in 0..<depth {
                            let vPlane = (b * depth + d) * hp * wp, oBase = (b * depth + d) * outPlane
                            for j in 0..<taps {
                                let (ky, kx) = (j / kernel, j % kernel)
                                let aBase = (b * taps + j) * outPlane
                                for oy in 0..<hOut {
                                    for ox in 0..<wOut {
                                        let window = (oy * s + ky) * wp + ox * s + kx
                                        o[oBase + oy * wOut + ox] += a[aBase + oy * wOut + ox] * v[vPlane + window]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [batch, depth, hOut, wOut], data: out)
    }

    /// The largest head count <= the requested one that divides the channels.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        var fitted = FittedOptions(options)
        fitted.fitDownward("head", default: 4, channels: channels) { channels % $0 == 0 }
        return fitted
    }
}
