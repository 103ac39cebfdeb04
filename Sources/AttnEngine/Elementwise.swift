// Elementwise: binary arithmetic with NumPy/PyTorch broadcasting, and the operators on Tensor.

/// The broadcast of two shapes, aligned at the last dim; nil if they do not broadcast.
public func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
    let rank = max(a.count, b.count)
    var out = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
        let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
        let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
        guard da == db || da == 1 || db == 1 else { return nil }
        out[i] = da == 1 ? db : da
    }
    return out
}

/// Strides of `shape` seen as `outShape` (0 along broadcast dims).
private func broadcastStrides(_ shape: [Int], to outShape: [Int]) -> [Int] {
    let own = Tensor.contiguousStrides(shape)
    let offset = outShape.count - shape.count
    return outShape.indices.map { i in
        i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
    }
}

@inline(__always)
public func elementwise(_ a: Tensor, _ b: Tensor, _ op: (Float, Float) -> Float) -> Tensor {
    if a.shape == b.shape {
        var out = a.data
        out.withUnsafeMutableBufferPointer { o in
            b.data.withUnsafeBufferPointer { q in
                for i in 0..<o.count { o[i] = op(o[i], q[i]) }
            }
        }
        return Tensor(shape: a.shape, data: out)
    }
    guard let shape = broadcastShape(a.shape, b.shape) else {
        preconditionFailure("shapes \(a.shape) and \(b.shape) do not broadcast")
    }
    let sa = broadcastStrides(a.shape, to: shape), sb = broadcastStrides(b.shape, to: shape)
    let total = shape.reduce(1, *)
    var out = [Float](repeating: 0, count: total)
    guard total > 0 else { return Tensor(shape: shape, data: out) }
    let rank = shape.count
    let last = rank - 1
    let inner = rank == 0 ? 1 : shape[last]
    let innerA = rank == 0 ? 0 : sa[last], innerB = rank == 0 ? 0 : sb[last]
    var index = [Int](repeating: 0, count: max(rank - 1, 0))
    a.data.withUnsafeBufferPointer { pa in
        b.data.withUnsafeBufferPointer { pb in
            out.withUnsafeMutableBufferPointer { po in
                var o = 0
                while o < total {
                    var ia = 0, ib = 0
                    for d in 0..<index.count { ia += index[d] * sa[d]; ib += index[d] * sb[d] }
                    for i in 0..<inner { po[o + i] = op(pa[ia + i * innerA], pb[ib + i * innerB]) }
                    o += inner
                    // Advance the multi-index over all dims but the last.
                    var d = index.count - 1
                    while d >= 0 {
                        index[d] += 1
                        if index[d] < shape[d] { break }
                        index[d] = 0
                        d -= 1
                    }
                }
            }
        }
    }
    return Tensor(shape: shape, data: out)
}

public func + (a: Tensor, b: Tensor) -> Tensor { elementwise(a, b, +) }
public func - (a: Tensor, b: Tensor) -> Tensor { elementwise(a, b, -) }
public func * (a: Tensor, b: Tensor) -> Tensor { elementwise(a, b, *) }
public func / (a: Tensor, b: Tensor) -> Tensor { elementwise(a, b, /) }

public func + (a: Tensor, s: Float) -> Tensor { a.map { $0 + s } }
public func - (a: Tensor, s: Float) -> Tensor { a.map { $0 - s } }
public func * (a: Tensor, s: Float) -> Tensor { a.map { $0 * s } }
public func / (a: Tensor, s: Float) -> Tensor { a.map { $0 / s } }
