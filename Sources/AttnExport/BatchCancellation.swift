// BatchCancellation: how an interrupted batch leaves no partial output. Writers announce each
// image's temporary folder before writing into it and check for an interrupt before every file;
// an interrupt waits for the writers in flight to stop, then removes every temporary folder
// still announced. Complete folders are only ever moved into place whole, so what remains
// under --out after an interrupt is complete.
import Foundation
import Synchronization

public final class BatchCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let writing = Mutex<(writers: Int, temporaries: Set<String>)>((0, []))

    public init() {}

    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Registers a temporary folder about to be written; false once interrupted.
    func beginWriting(_ temporary: String) -> Bool {
        writing.withLock { state in
            guard !isCancelled else { return false }
            state.writers += 1
            state.temporaries.insert(temporary)
            return true
        }
    }

    /// The folder was moved into place or removed.
    func endWriting(_ temporary: String) {
        writing.withLock { state in
            state.writers -= 1
            state.temporaries.remove(temporary)
        }
    }

    /// Stops new writes, waits (up to `timeout` seconds) for the writers in flight, and removes
    /// what they left.
    public func interrupt(timeout: Double = 10) {
        writing.withLock { _ in cancelled.store(true, ordering: .releasing) }
        let deadline = Date().addingTimeInterval(timeout)
        while writing.withLock({ $0.writers }) > 0 && Date() < deadline { usleep(2_000) }
        for temporary in writing.withLock({ $0.temporaries }) { FileSystem.remove(temporary) }
    }
}
