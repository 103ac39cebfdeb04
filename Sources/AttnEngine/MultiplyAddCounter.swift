// MultiplyAddCounter: the multiply-adds of a whole network's forward pass (conv, linear and
// matmul products: what "MACs" means in model tables), counted by running the pass with the
// products skipped: their outputs are zeros of the right shape, so shapes flow as in a real run
// at a fraction of its cost. One count at a time per process (`attnview modules --models`).
import Synchronization

public enum MultiplyAddCounter {
    @usableFromInline static let counted = Atomic<Int>(0)
    @usableFromInline static let counting = Atomic<Bool>(false)
    private static let exclusive = Mutex(())

    /// The multiply-adds of the products `body` runs; their results are zeros meanwhile.
    public static func count(_ body: () throws -> Void) rethrows -> Int {
        try exclusive.withLock { _ in
            counted.store(0, ordering: .relaxed)
            counting.store(true, ordering: .relaxed)
            defer { counting.store(false, ordering: .relaxed) }
            try body()
            return counted.load(ordering: .relaxed)
        }
    }

    /// Whether products are being counted instead of computed; adds `n` when they are.
    @inlinable
    static func skip(_ n: Int) -> Bool {
        guard counting.load(ordering: .relaxed) else { return false }
        counted.add(n, ordering: .relaxed)
        return true
    }
}
