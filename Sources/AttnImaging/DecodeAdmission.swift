// DecodeAdmission: how many bytes of decoded pictures a batch holds at once. Each job asks for its
// picture's bytes once the header has given the size (before any pixel buffer exists) and gives
// them back when it is done with the picture, so a folder of 48-megapixel photos exported with 16
// jobs decodes a few at a time while small pictures still run side by side. A picture larger than
// the whole allowance is let in alone.

import Foundation

public final class DecodeAdmission: @unchecked Sendable {
    /// What one image holds: acquired by its decoder, released by the job when done.
    public final class Pass: @unchecked Sendable {
        private let admission: DecodeAdmission
        private var held = 0

        init(_ admission: DecodeAdmission) { self.admission = admission }

        /// Waits until `bytes` more fit within the allowance (or nothing else is held).
        func acquire(_ bytes: Int) {
            admission.acquire(bytes)
            held += bytes
        }

        public func release() {
            admission.release(held)
            held = 0
        }
    }

    public let capacity: Int
    private let condition = NSCondition()
    private var inUse = 0

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func pass() -> Pass { Pass(self) }

    /// The bytes held now, across all passes.
    public var held: Int { condition.withLock { inUse } }

    private func acquire(_ bytes: Int) {
        condition.lock()
        defer { condition.unlock() }
        while inUse > 0 && bytes > capacity - inUse { condition.wait() }
        inUse += bytes
    }

    private func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        condition.lock()
        inUse -= bytes
        condition.broadcast()
        condition.unlock()
    }
}
