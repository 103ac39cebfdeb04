// GEMM: row-major single-precision matrix products through OpenBLAS's cblas_sgemm.
// The only file of the engine that touches OpenBLAS.
import COpenBLAS

public enum GEMM {
    /// C[m,n] = alpha * op(A) * op(B) + beta * C, all row-major; op(A) is m x k, op(B) is k x n.
    @inlinable
    public static func sgemm(
        transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0 && n > 0 else { return }
        if MultiplyAddCounter.skip(m * n * k) {
            if beta == 0 { for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) } }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension GEMM {
    /// Threads OpenBLAS runs its products on (OPENBLAS_NUM_THREADS, else the core count).
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the threads OpenBLAS runs its products on; see EngineThreads.
    static func setThreadCount(_ threads: Int) {
        openblas_set_num_threads(Int32(threads))
    }
}
