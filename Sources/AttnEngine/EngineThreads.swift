// EngineThreads: how many cores one network run may use, for the engine's own kernels and for
// OpenBLAS alike. Batch export runs several images at once and gives each run a share of the
// cores, so the machine is not oversubscribed.
import Foundation
import Synchronization

public enum EngineThreads {
    /// 0 means every core.
    private static let limit = Atomic<Int>(0)

    /// The cores one run may use now.
    public static var count: Int {
        let n = limit.load(ordering: .relaxed)
        return n > 0 ? n : ProcessInfo.processInfo.activeProcessorCount
    }

    /// Limits every later run to `threads` cores (at least one), OpenBLAS included; nil lifts
    /// the limit. Returns the limit before, for `set` to restore.
    @discardableResult
    public static func set(_ threads: Int?) -> Int? {
        let n = threads.map { max(1, $0) } ?? 0
        let before = limit.exchange(n, ordering: .relaxed)
        GEMM.setThreadCount(n > 0 ? n : ProcessInfo.processInfo.activeProcessorCount)
        return before > 0 ? before : nil
    }
}
