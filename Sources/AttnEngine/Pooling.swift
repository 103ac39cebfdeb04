// Pooling: global, adaptive (PyTorch's bin edges floor(i*in/out) .. ceil((i+1)*in/out)), pooling
// along H only or W only (CoordAtt's AdaptiveAvgPool2d((None, 1)) and ((1, None))), and k x k
// average/max pooling with PyTorch's padding and count_include_pad rules.

public enum PoolKind: Sendable { case average, max }

/// AdaptiveAvg/MaxPool2d; a nil size keeps that dimension (PyTorch's None).
public func adaptivePool2d(_ x: Tensor, outputH: Int?, outputW: Int?, kind: PoolKind) -> Tensor {
    let (n, c, h, w) = x.nchw
    let oh = outputH ?? h, ow = outputW ?? w
    precondition(oh > 0 && ow > 0, "adaptive pool output must be positive")
    let rowBins = (0..<oh).map { (($0 * h) / oh, (($0 + 1) * h + oh - 1) / oh) }
    let colBins = (0..<ow).map { (($0 * w) / ow, (($0 + 1) * w + ow - 1) / ow) }
    var out = [Float](repeating: 0, count: n * c * oh * ow)
    x.data.withUnsafeBufferPointer { src in
        for plane in 0..<(n * c) {
            let input = plane * h * w
            for oy in 0..<oh {
                let (y0, y1) = rowBins[oy]
                for ox in 0..<ow {
                    let (x0, x1) = colBins[ox]
                    var acc: Float = kind == .max ? -.infinity : 0
                    for iy in y0..<y1 {
                        for ix in x0..<x1 {
                            let v = src[input + iy * w + ix]
                            acc = kind == .max ? max(acc, v) : acc + v
                        }
                    }
                    if kind == .average { acc /= Float((y1 - y0) * (x1 - x0)) }
                    out[(plane * oh + oy) * ow + ox] = acc
                }
            }
        }
    }
    return Tensor(shape: [n, c, oh, ow], data: out)
}

/// (N, C, H, W) -> (N, C, 1, 1)
public func globalAvgPool(_ x: Tensor) -> Tensor { adaptivePool2d(x, outputH: 1, outputW: 1, kind: .average) }
public func globalMaxPool(_ x: Tensor) -> Tensor { adaptivePool2d(x, outputH: 1, outputW: 1, kind: .max) }

/// Average over W: (N, C, H, W) -> (N, C, H, 1).
public func avgPoolAlongH(_ x: Tensor) -> Tensor { adaptivePool2d(x, outputH: nil, outputW: 1, kind: .average) }
/// Average over H: (N, C, H, W) -> (N, C, 1, W).
public func avgPoolAlongW(_ x: Tensor) -> Tensor { adaptivePool2d(x, outputH: 1, outputW: nil, kind: .average) }

/// nn.AvgPool2d / nn.MaxPool2d. Stride defaults to the kernel, as in PyTorch.
public func pool2d(
    _ x: Tensor, kind: PoolKind, kernel: (Int, Int), stride: (Int, Int)? = nil, padding: Padding2D = .zero,
    ceilMode: Bool = false, countIncludePad: Bool = true
) -> Tensor {
    let (n, c, h, w) = x.nchw
    let s = stride ?? kernel
    let g = WindowGeometry(inputH: h, inputW: w, kernel: kernel, stride: s, padding: padding, ceilMode: ceilMode)
    var out = [Float](repeating: 0, count: n * c * g.outputH * g.outputW)
    x.data.withUnsafeBufferPointer { src in
        for plane in 0..<(n * c) {
            let input = plane * h * w
            for oy in 0..<g.outputH {
                let rawY0 = oy * s.0 - padding.top
                let paddedY1 = min(rawY0 + kernel.0, h + padding.bottom)
                let y0 = max(rawY0, 0), y1 = min(paddedY1, h)
                for ox in 0..<g.outputW {
                    let rawX0 = ox * s.1 - padding.left
                    let paddedX1 = min(rawX0 + kernel.1, w + padding.right)
                    let x0 = max(rawX0, 0), x1 = min(paddedX1, w)
                    var acc: Float = kind == .max ? -.infinity : 0
                    for iy in y0..<max(y0, y1) {
                        for ix in x0..<max(x0, x1) {
                            let v = src[input + iy * w + ix]
                            acc = kind == .max ? max(acc, v) : acc + v
                        }
                    }
                    if kind == .average {
                        let divisor = countIncludePad
                            ? (paddedY1 - rawY0) * (paddedX1 - rawX0) : (y1 - y0) * (x1 - x0)
                        acc /= Float(divisor)
                    }
                    out[(plane * g.outputH + oy) * g.outputW + ox] = acc
                }
            }
        }
    }
    return Tensor(shape: [n, c, g.outputH, g.outputW], data: out)
}
