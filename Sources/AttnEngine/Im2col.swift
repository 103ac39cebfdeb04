// Im2col: unrolls the k x k windows of a [C, H, W] plane stack into a [C*kh*kw, outH*outW]
// matrix (zero padding), so a dense convolution becomes one GEMM. nn.Unfold is the same layout.

@inlinable
func im2col(
    _ src: UnsafePointer<Float>, channels: Int, geometry g: WindowGeometry,
    into cols: UnsafeMutablePointer<Float>
) {
    let plane = g.inputH * g.inputW
    let outCount = g.outputH * g.outputW
    // cols: [c][ky][kx][oy][ox]
    for c in 0..<channels {
        let input = src + c * plane
        for ky in 0..<g.kernelH {
            for kx in 0..<g.kernelW {
                let row = cols + ((c * g.kernelH + ky) * g.kernelW + kx) * outCount
                let dx = kx * g.dilationW - g.padding.left
                let valid = WindowGeometry.validOutputRange(offset: dx, stride: g.strideW, input: g.inputW, output: g.outputW)
                let oxStart = valid.lowerBound, oxEnd = valid.upperBound
                for oy in 0..<g.outputH {
                    let iy = oy * g.strideH - g.padding.top + ky * g.dilationH
                    let dst = row + oy * g.outputW
                    if iy < 0 || iy >= g.inputH {
                        dst.update(repeating: 0, count: g.outputW)
                        continue
                    }
                    let line = input + iy * g.inputW + dx
                    dst.update(repeating: 0, count: oxStart)
                    if g.strideW == 1 {
                        (dst + oxStart).update(from: line + oxStart, count: oxEnd - oxStart)
                    } else {
                        for ox in oxStart..<oxEnd { dst[ox] = line[ox * g.strideW] }
                    }
                    (dst + oxEnd).update(repeating: 0, count: g.outputW - oxEnd)
                }
            }
        }
    }
}

/// nn.Unfold: (N, C, H, W) -> (N, C*kh*kw, L) with L = outH*outW.
public func unfold(
    _ x: Tensor, kernel: (Int, Int), dilation: (Int, Int) = (1, 1), padding: Padding2D = .zero,
    stride: (Int, Int) = (1, 1)
) -> Tensor {
    let (n, c, h, w) = x.nchw
    let g = WindowGeometry(inputH: h, inputW: w, kernel: kernel, stride: stride, dilation: dilation, padding: padding)
    let rows = c * kernel.0 * kernel.1, columns = g.outputH * g.outputW
    var out = [Float](repeating: 0, count: n * rows * columns)
    x.data.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for b in 0..<n {
                im2col(src.baseAddress! + b * c * h * w, channels: c, geometry: g,
                       into: dst.baseAddress! + b * rows * columns)
            }
        }
    }
    return Tensor(shape: [n, rows, columns], data: out)
}
