// ShapeOps: concat, split, chunk, strided slice, permute and transpose (torch.cat, torch.split,
// torch.chunk, x[..., a:b:s], Tensor.permute).

public func concat(_ tensors: [Tensor], axis: Int) -> Tensor {
    precondition(!tensors.isEmpty, "concat of nothing")
    let first = tensors[0]
    let a = first.axis(axis)
    for t in tensors {
        precondition(t.rank == first.rank && t.shape.enumerated().allSatisfy { $0.offset == a || $0.element == first.shape[$0.offset] },
                     "concat: shapes \(tensors.map(\.shape)) differ off axis \(axis)")
    }
    let outer = first.shape[..<a].reduce(1, *)
    let inner = first.shape[(a + 1)...].reduce(1, *)
    var out = [Float]()
    out.reserveCapacity(tensors.reduce(0) { $0 + $1.count })
    for o in 0..<outer {
        for t in tensors {
            let run = t.shape[a] * inner
            out.append(contentsOf: t.data[(o * run)..<((o + 1) * run)])
        }
    }
    var shape = first.shape
    shape[a] = tensors.reduce(0) { $0 + $1.shape[a] }
    return Tensor(shape: shape, data: out)
}

/// torch.split with explicit sizes.
public func split(_ x: Tensor, sizes: [Int], axis: Int) -> [Tensor] {
    let a = x.axis(axis)
    precondition(sizes.reduce(0, +) == x.shape[a], "split sizes \(sizes) do not add up to \(x.shape[a])")
    var start = 0
    return sizes.map { size in
        defer { start += size }
        return slice(x, axis: a, start: start, end: start + size)
    }
}

/// torch.chunk: pieces of ceil(size / chunks), the last one smaller.
public func chunk(_ x: Tensor, _ chunks: Int, axis: Int) -> [Tensor] {
    let size = x.shape[x.axis(axis)]
    let piece = (size + chunks - 1) / chunks
    var sizes = [Int]()
    var left = size
    while left > 0 { sizes.append(min(piece, left)); left -= piece }
    return split(x, sizes: sizes, axis: axis)
}

/// x[..., start:end:step, ...] along one axis.
public func slice(_ x: Tensor, axis: Int, start: Int, end: Int, step: Int = 1) -> Tensor {
    let a = x.axis(axis)
    precondition(step > 0 && start >= 0 && end <= x.shape[a] && start <= end, "bad slice \(start):\(end):\(step) of \(x.shape)")
    let picked = Array(stride(from: start, to: end, by: step))
    let outer = x.shape[..<a].reduce(1, *)
    let inner = x.shape[(a + 1)...].reduce(1, *)
    let size = x.shape[a]
    var out = [Float]()
    out.reserveCapacity(outer * picked.count * inner)
    for o in 0..<outer {
        for k in picked {
            let base = (o * size + k) * inner
            out.append(contentsOf: x.data[base..<(base + inner)])
        }
    }
    var shape = x.shape
    shape[a] = picked.count
    return Tensor(shape: shape, data: out)
}

/// Tensor.permute: output dim i is input dim dims[i].
public func permute(_ x: Tensor, _ dims: [Int]) -> Tensor {
    let resolved = dims.map { x.axis($0) }
    precondition(resolved.sorted() == Array(0..<x.rank), "permute: \(dims) is not a permutation of \(x.rank) dims")
    let outShape = resolved.map { x.shape[$0] }
    let inStrides = x.strides
    let strides = resolved.map { inStrides[$0] }
    var out = [Float](repeating: 0, count: x.count)
    guard x.count > 0 else { return Tensor(shape: outShape, data: out) }
    var index = [Int](repeating: 0, count: x.rank)
    x.data.withUnsafeBufferPointer { src in
        var offset = 0
        for o in 0..<x.count {
            out[o] = src[offset]
            var d = x.rank - 1
            while d >= 0 {
                index[d] += 1
                offset += strides[d]
                if index[d] < outShape[d] { break }
                offset -= strides[d] * outShape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
    return Tensor(shape: outShape, data: out)
}

public func transpose(_ x: Tensor, _ a: Int, _ b: Int) -> Tensor {
    var dims = Array(0..<x.rank)
    dims.swapAt(x.axis(a), x.axis(b))
    return permute(x, dims)
}

/// ShuffleNet's channel shuffle: (N, g, C/g, H, W) -> transpose(1, 2) -> (N, C, H, W), so channel
/// i*C/g + j moves to j*g + i.
public func channelShuffle(_ x: Tensor, groups: Int) -> Tensor {
    let n = x.shape[0], c = x.shape[1]
    precondition(c % groups == 0, "channel shuffle: \(c) channels not divisible by \(groups) groups")
    let rest = Array(x.shape.dropFirst(2))
    let grouped = x.reshaped([n, groups, c / groups, rest.reduce(1, *)])
    return permute(grouped, [0, 2, 1, 3]).reshaped(x.shape)
}
