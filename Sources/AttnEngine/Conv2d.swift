// Conv2d: nn.Conv2d on NCHW input with OIHW weights. Stride, dilation, groups, any (also
// asymmetric) padding, zero or reflection padding. Dense and grouped convolutions go through
// im2col + sgemm; depthwise ones through the direct kernel in DepthwiseConv.swift.

public func conv2d(
    _ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: (Int, Int) = (1, 1),
    padding: Padding2D = .zero, dilation: (Int, Int) = (1, 1), groups: Int = 1,
    paddingMode: PaddingMode = .zeros
) -> Tensor {
    if paddingMode == .reflect && padding != .zero {
        return conv2d(pad(x, padding, mode: .reflect), weight: weight, bias: bias, stride: stride,
                      padding: .zero, dilation: dilation, groups: groups)
    }
    let (n, cIn, h, w) = x.nchw
    precondition(weight.rank == 4, "conv2d weight must be OIHW, got \(weight.shape)")
    let cOut = weight.shape[0], cInPerGroup = weight.shape[1], kh = weight.shape[2], kw = weight.shape[3]
    precondition(groups > 0 && cIn % groups == 0 && cOut % groups == 0,
                 "conv2d: \(cIn) in / \(cOut) out channels not divisible by groups \(groups)")
    precondition(cInPerGroup == cIn / groups,
                 "conv2d: weight \(weight.shape) expects \(cInPerGroup * groups) input channels, got \(cIn)")
    if let bias { precondition(bias.count == cOut, "conv2d bias must have \(cOut) values, got \(bias.shape)") }
    let g = WindowGeometry(inputH: h, inputW: w, kernel: (kh, kw), stride: stride, dilation: dilation, padding: padding)

    if groups == cIn && groups > 1 {
        return depthwiseConv2d(x, weight: weight, bias: bias, geometry: g)
    }

    let outPlane = g.outputH * g.outputW
    let cOutPerGroup = cOut / groups
    let kSize = cInPerGroup * kh * kw
    let isPointwise = kh == 1 && kw == 1 && stride == (1, 1) && padding == .zero
    // Every element of both buffers is written (by sgemm with beta 0, and by im2col) before it is read.
    var out = [Float](unsafeUninitializedCapacity: n * cOut * outPlane) { _, count in count = n * cOut * outPlane }
    let colsCount = isPointwise ? 0 : kSize * outPlane
    var cols = [Float](unsafeUninitializedCapacity: colsCount) { _, count in count = colsCount }

    x.data.withUnsafeBufferPointer { src in
        weight.data.withUnsafeBufferPointer { wt in
            out.withUnsafeMutableBufferPointer { dst in
                cols.withUnsafeMutableBufferPointer { colBuffer in
                    for b in 0..<n {
                        for group in 0..<groups {
                            let input = src.baseAddress! + (b * cIn + group * cInPerGroup) * h * w
                            let matrix: UnsafePointer<Float>
                            if isPointwise {
                                matrix = input
                            } else {
                                im2col(input, channels: cInPerGroup, geometry: g, into: colBuffer.baseAddress!)
                                matrix = UnsafePointer(colBuffer.baseAddress!)
                            }
                            // out[b, group] [cOutPerGroup, outPlane] = W[group] [cOutPerGroup, kSize] x cols [kSize, outPlane]
                            GEMM.sgemm(
                                m: cOutPerGroup, n: outPlane, k: kSize,
                                a: wt.baseAddress! + group * cOutPerGroup * kSize, lda: kSize,
                                b: matrix, ldb: outPlane,
                                c: dst.baseAddress! + (b * cOut + group * cOutPerGroup) * outPlane, ldc: outPlane)
                        }
                    }
                }
            }
        }
    }
    var result = Tensor(shape: [n, cOut, g.outputH, g.outputW], data: out)
    if let bias { addChannelBias(&result, bias) }
    return result
}

/// Adds a per-channel bias to an (N, C, ...) tensor in place.
func addChannelBias(_ x: inout Tensor, _ bias: Tensor) {
    let n = x.shape[0], c = x.shape[1]
    let inner = x.count / max(n * c, 1)
    x.data.withUnsafeMutableBufferPointer { p in
        for b in 0..<n {
            for ch in 0..<c {
                let value = bias.data[ch]
                let base = (b * c + ch) * inner
                for i in 0..<inner { p[base + i] += value }
            }
        }
    }
}
