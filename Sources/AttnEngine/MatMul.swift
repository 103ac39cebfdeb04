// MatMul and Linear: matrix products on tensors, through GEMM.

/// torch.matmul for a [..., M, K] and b [..., K, N] whose leading (batch) dims are equal or
/// where either side has none or a batch of 1 (broadcast).
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
    precondition(a.rank >= 2 && b.rank >= 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
    let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1]
    let k2 = b.shape[b.rank - 2], n = b.shape[b.rank - 1]
    precondition(k == k2, "matmul: inner dims differ in \(a.shape) x \(b.shape)")
    let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
    let countA = batchA.reduce(1, *), countB = batchB.reduce(1, *)
    precondition(countA == countB || countA == 1 || countB == 1,
                 "matmul: batch dims of \(a.shape) and \(b.shape) do not broadcast")
    let batchShape = countA >= countB ? batchA : batchB
    let batches = max(countA, countB)
    var out = [Float](repeating: 0, count: batches * m * n)
    a.data.withUnsafeBufferPointer { pa in
        b.data.withUnsafeBufferPointer { pb in
            out.withUnsafeMutableBufferPointer { pc in
                for i in 0..<batches {
                    GEMM.sgemm(
                        m: m, n: n, k: k,
                        a: pa.baseAddress! + (countA == 1 ? 0 : i * m * k), lda: k,
                        b: pb.baseAddress! + (countB == 1 ? 0 : i * k * n), ldb: n,
                        c: pc.baseAddress! + i * m * n, ldc: n)
                }
            }
        }
    }
    return Tensor(shape: batchShape + [m, n], data: out)
}

/// nn.Linear: y = x W^T + b over the last dim; weight is [out, in] as PyTorch stores it.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
    precondition(weight.rank == 2, "linear weight must be [out, in], got \(weight.shape)")
    let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
    precondition(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                 "linear: input \(x.shape) does not end in \(inFeatures)")
    if let bias { precondition(bias.count == outFeatures, "linear bias must have \(outFeatures) values") }
    let rows = x.count / inFeatures
    var out = [Float](repeating: 0, count: rows * outFeatures)
    out.withUnsafeMutableBufferPointer { pc in
        if let bias {
            for r in 0..<rows {
                for o in 0..<outFeatures { pc[r * outFeatures + o] = bias.data[o] }
            }
        }
        x.data.withUnsafeBufferPointer { pa in
            weight.data.withUnsafeBufferPointer { pw in
                GEMM.sgemm(
                    transB: true, m: rows, n: outFeatures, k: inFeatures,
                    a: pa.baseAddress!, lda: inFeatures, b: pw.baseAddress!, ldb: inFeatures,
                    beta: bias == nil ? 0 : 1, c: pc.baseAddress!, ldc: outFeatures)
            }
        }
    }
    return Tensor(shape: Array(x.shape.dropLast()) + [outFeatures], data: out)
}
