// DepthwiseConv: the direct kernel for convolutions with groups == input channels (each output
// channel sees one input channel; a channel multiplier > 1 is allowed). im2col would copy every
// pixel k*k times for a k*k*C GEMM, which is memory-bound; the direct loop reads each row once per
// tap and runs the inner loop over contiguous SIMD lanes when the stride is 1.

func depthwiseConv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, geometry g: WindowGeometry) -> Tensor {
    let (n, cIn, h, w) = x.nchw
    let cOut = weight.shape[0]
    precondition(cOut % cIn == 0, "depthwise conv: \(cOut) outputs are not a multiple of \(cIn) inputs")
    let multiplier = cOut / cIn
    let kh = g.kernelH, kw = g.kernelW
    let outH = g.outputH, outW = g.outputW
    var out = [Float](repeating: 0, count: n * cOut * outH * outW)

    x.data.withUnsafeBufferPointer { src in
        weight.data.withUnsafeBufferPointer { wt in
            out.withUnsafeMutableBufferPointer { dst in
                for b in 0..<n {
                    for oc in 0..<cOut {
                        let input = src.baseAddress! + (b * cIn + oc / multiplier) * h * w
                        let output = dst.baseAddress! + (b * cOut + oc) * outH * outW
                        let taps = wt.baseAddress! + oc * kh * kw
                        if let bias { output.update(repeating: bias.data[oc], count: outH * outW) }
                        for kx in 0..<kw {
                            // Output columns whose tap falls inside the input row: ix = ox*s + dx in [0, w).
                            let dx = kx * g.dilationW - g.padding.left
                            let oxStart = dx >= 0 ? 0 : (-dx + g.strideW - 1) / g.strideW
                            let oxEnd = min(outW, (w - 1 - dx) >= 0 ? (w - 1 - dx) / g.strideW + 1 : 0)
                            guard oxStart < oxEnd else { continue }
                            for ky in 0..<kh {
                                let tap = taps[ky * kw + kx]
                                for oy in 0..<outH {
                                    let iy = oy * g.strideH - g.padding.top + ky * g.dilationH
                                    guard iy >= 0 && iy < h else { continue }
                                    let row = input + iy * w + dx
                                    let outRow = output + oy * outW
                                    if g.strideW == 1 {
                                        multiplyAdd(tap, row + oxStart, outRow + oxStart, count: oxEnd - oxStart)
                                    } else {
                                        for ox in oxStart..<oxEnd { outRow[ox] += tap * row[ox * g.strideW] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return Tensor(shape: [n, cOut, outH, outW], data: out)
}

/// y[i] += a * x[i], eight lanes at a time.
@inline(__always)
func multiplyAdd(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
    let lanes = SIMD8<Float>(repeating: a)
    var i = 0
    let rawX = UnsafeRawPointer(x), rawY = UnsafeMutableRawPointer(y)
    while i + 8 <= count {
        let offset = i * MemoryLayout<Float>.stride
        let sum = rawY.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            + lanes * rawX.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        rawY.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
        i += 8
    }
    while i < count {
        y[i] += a * x[i]
        i += 1
    }
}
