// Reductions: sum, mean and max over chosen axes (torch.sum/mean/amax with keepdim).

public enum ReductionKind: Sendable { case sum, mean, max }

public func reduce(_ x: Tensor, axes: [Int], kind: ReductionKind, keepDims: Bool = false) -> Tensor {
    let resolved = Set(axes.map { x.axis($0) })
    var result = x
    // One axis at a time, from the last, so earlier axis numbers stay valid.
    for a in resolved.sorted(by: >) { result = reduceAxis(result, a, kind) }
    if keepDims { return result }
    let kept = x.shape.enumerated().filter { !resolved.contains($0.offset) }.map { $0.element }
    return result.reshaped(kept)
}

public func sum(_ x: Tensor, axes: [Int], keepDims: Bool = false) -> Tensor {
    reduce(x, axes: axes, kind: .sum, keepDims: keepDims)
}

public func mean(_ x: Tensor, axes: [Int], keepDims: Bool = false) -> Tensor {
    reduce(x, axes: axes, kind: .mean, keepDims: keepDims)
}

public func amax(_ x: Tensor, axes: [Int], keepDims: Bool = false) -> Tensor {
    reduce(x, axes: axes, kind: .max, keepDims: keepDims)
}

/// Reduces one axis, keeping it with size 1.
private func reduceAxis(_ x: Tensor, _ a: Int, _ kind: ReductionKind) -> Tensor {
    let size = x.shape[a]
    let inner = x.shape[(a + 1)...].reduce(1, *)
    let outer = x.shape[..<a].reduce(1, *)
    var out = [Float](repeating: kind == .max ? -.infinity : 0, count: outer * inner)
    x.data.withUnsafeBufferPointer { p in
        for o in 0..<outer {
            for k in 0..<size {
                let base = (o * size + k) * inner
                for i in 0..<inner {
                    let v = p[base + i]
                    out[o * inner + i] = kind == .max ? max(out[o * inner + i], v) : out[o * inner + i] + v
                }
            }
        }
    }
    if kind == .mean {
        let scale = 1 / Float(size)
        for i in out.indices { out[i] *= scale }
    }
    var shape = x.shape
    shape[a] = 1
    return Tensor(shape: shape, data: out)
}
