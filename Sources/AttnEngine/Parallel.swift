// Parallel: spreads independent pieces of a kernel over the cores. Kernels hand raw pointers to
// their workers; each worker writes a disjoint region, which the type system cannot see, hence
// the unchecked box.
import Foundation

/// A value the caller promises is used without data races (disjoint writes, shared reads).
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}

/// Runs body(worker, workers) on up to `limit` workers, at most one per core a run may use.
public func parallelWorkers(limit: Int, _ body: @Sendable (_ worker: Int, _ workers: Int) -> Void) {
    let workers = max(1, min(limit, EngineThreads.count))
    if workers == 1 { return body(0, 1) }
    DispatchQueue.concurrentPerform(iterations: workers) { body($0, workers) }
}
