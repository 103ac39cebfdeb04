// Normalization: batch norm (inference, running statistics), group norm and layer norm, with
// PyTorch's semantics (biased variance, eps inside the square root). Statistics are accumulated
// in Double so that large planes do not lose precision.

/// nn.BatchNorm1d/2d in eval mode over axis 1 of (N, C, ...).
public func batchNorm(
    _ x: Tensor, weight: Tensor?, bias: Tensor?, runningMean: Tensor, runningVar: Tensor, eps: Float = 1e-5
) -> Tensor {
    precondition(x.rank >= 2, "batchNorm needs (N, C, ...), got \(x.shape)")
    let c = x.shape[1]
    for (name, t) in [("weight", weight), ("bias", bias), ("running_mean", runningMean), ("running_var", runningVar)] {
        if let t { precondition(t.count == c, "batchNorm \(name) must have \(c) values, got \(t.shape)") }
    }
    var scale = [Float](repeating: 1, count: c), shift = [Float](repeating: 0, count: c)
    for ch in 0..<c {
        let s = (weight?.data[ch] ?? 1) / (runningVar.data[ch] + eps).squareRoot()
        scale[ch] = s
        shift[ch] = (bias?.data[ch] ?? 0) - runningMean.data[ch] * s
    }
    return scaleShiftChannels(x, scale: scale, shift: shift)
}

/// y[n, c, ...] = x[n, c, ...] * scale[c] + shift[c]
func scaleShiftChannels(_ x: Tensor, scale: [Float], shift: [Float]) -> Tensor {
    let n = x.shape[0], c = x.shape[1]
    let inner = x.count / max(n * c, 1)
    var out = x.data
    out.withUnsafeMutableBufferPointer { p in
        for b in 0..<n {
            for ch in 0..<c {
                let base = (b * c + ch) * inner, s = scale[ch], t = shift[ch]
                for i in 0..<inner { p[base + i] = p[base + i] * s + t }
            }
        }
    }
    return Tensor(shape: x.shape, data: out)
}

/// Mean and biased variance of a contiguous run of values.
@inline(__always)
func meanAndVariance(_ p: UnsafeBufferPointer<Float>, from start: Int, count: Int) -> (mean: Float, variance: Float) {
    var sum = 0.0
    for i in start..<(start + count) { sum += Double(p[i]) }
    let mean = sum / Double(count)
    var squares = 0.0
    for i in start..<(start + count) {
        let d = Double(p[i]) - mean
        squares += d * d
    }
    return (Float(mean), Float(squares / Double(count)))
}

/// nn.GroupNorm: statistics over (C/G, spatial...) per sample and group; affine per channel.
public func groupNorm(_ x: Tensor, groups: Int, weight: Tensor?, bias: Tensor?, eps: Float = 1e-5) -> Tensor {
    precondition(x.rank >= 2, "groupNorm needs (N, C, ...), got \(x.shape)")
    let n = x.shape[0], c = x.shape[1]
    precondition(groups > 0 && c % groups == 0, "groupNorm: \(c) channels not divisible by \(groups) groups")
    let inner = x.count / max(n * c, 1)
    let perGroup = c / groups * inner
    var out = [Float](repeating: 0, count: x.count)
    x.data.withUnsafeBufferPointer { src in
        for b in 0..<n {
            for g in 0..<groups {
                let start = (b * c + g * (c / groups)) * inner
                let (mean, variance) = meanAndVariance(src, from: start, count: perGroup)
                let invStd = 1 / (variance + eps).squareRoot()
                for i in 0..<perGroup {
                    let ch = g * (c / groups) + i / inner
                    let normalized = (src[start + i] - mean) * invStd
                    out[start + i] = normalized * (weight?.data[ch] ?? 1) + (bias?.data[ch] ?? 0)
                }
            }
        }
    }
    return Tensor(shape: x.shape, data: out)
}

/// nn.LayerNorm over the last `normalizedDims` dims; weight and bias have those dims' shape.
public func layerNorm(
    _ x: Tensor, normalizedDims: Int, weight: Tensor?, bias: Tensor?, eps: Float = 1e-5
) -> Tensor {
    precondition(normalizedDims >= 1 && normalizedDims <= x.rank, "layerNorm: bad dims for \(x.shape)")
    let inner = x.shape.suffix(normalizedDims).reduce(1, *)
    if let weight { precondition(weight.count == inner, "layerNorm weight must have \(inner) values") }
    if let bias { precondition(bias.count == inner, "layerNorm bias must have \(inner) values") }
    let rows = x.count / max(inner, 1)
    var out = [Float](repeating: 0, count: x.count)
    x.data.withUnsafeBufferPointer { src in
        for r in 0..<rows {
            let start = r * inner
            let (mean, variance) = meanAndVariance(src, from: start, count: inner)
            let invStd = 1 / (variance + eps).squareRoot()
            for i in 0..<inner {
                out[start + i] = (src[start + i] - mean) * invStd * (weight?.data[i] ?? 1) + (bias?.data[i] ?? 0)
            }
        }
    }
    return Tensor(shape: x.shape, data: out)
}
