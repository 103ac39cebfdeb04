// Pad: explicit padding of the last two dims with zeros or reflection (F.pad, ReflectionPad2d).
// Reflection-padded convolutions pad first and then convolve without padding.

public func pad(_ x: Tensor, _ padding: Padding2D, mode: PaddingMode = .zeros) -> Tensor {
    precondition(x.rank >= 2, "pad needs at least 2 dims, got \(x.shape)")
    let h = x.shape[x.rank - 2], w = x.shape[x.rank - 1]
    if mode == .reflect {
        precondition(max(padding.top, padding.bottom) < h && max(padding.left, padding.right) < w,
                     "reflection padding \(padding) must be smaller than the input \(h)x\(w)")
    }
    let outH = h + padding.top + padding.bottom, outW = w + padding.left + padding.right
    let planes = x.count / max(h * w, 1)
    var outShape = x.shape
    outShape[x.rank - 2] = outH
    outShape[x.rank - 1] = outW
    var out = [Float](repeating: 0, count: planes * outH * outW)

    // Maps an output coordinate to its source, or -1 for a zero.
    func source(_ i: Int, _ before: Int, _ size: Int) -> Int {
        let s = i - before
        if s >= 0 && s < size { return s }
        guard mode == .reflect else { return -1 }
        return s < 0 ? -s : 2 * (size - 1) - s
    }
    let rowSource = (0..<outH).map { source($0, padding.top, h) }
    let colSource = (0..<outW).map { source($0, padding.left, w) }

    x.data.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for p in 0..<planes {
                let sp = p * h * w, dp = p * outH * outW
                for oy in 0..<outH {
                    let sy = rowSource[oy]
                    if sy < 0 { continue }
                    for ox in 0..<outW {
                        let sx = colSource[ox]
                        if sx >= 0 { dst[dp + oy * outW + ox] = src[sp + sy * w + sx] }
                    }
                }
            }
        }
    }
    return Tensor(shape: outShape, data: out)
}
