// DecodeAdmissionTests: a batch's jobs hold no more decoded bytes at once than the allowance,
// except one picture alone that is larger than all of it; nobody waits forever.
@testable import AttnImaging
import Foundation
import Testing

@Suite struct DecodeAdmissionTests {
    @Test func waitsUntilTheBytesFit() async throws {
        let admission = DecodeAdmission(capacity: 100)
        let first = admission.pass()
        first.acquire(80)
        let second = admission.pass()
        let admitted = Flag()
        let thread = Thread {
            second.acquire(50)
            admitted.set()
        }
        thread.start()
        try await Task.sleep(for: .milliseconds(100))
        #expect(!admitted.value)           // 80 + 50 > 100: waiting
        #expect(admission.held == 80)
        first.release()
        for _ in 0..<200 where !admitted.value { try await Task.sleep(for: .milliseconds(10)) }
        #expect(admitted.value)
        #expect(admission.held == 50)
        second.release()
        #expect(admission.held == 0)
    }

    @Test func aPictureLargerThanTheAllowanceGoesAlone() {
        let admission = DecodeAdmission(capacity: 100)
        let huge = admission.pass()
        huge.acquire(500)  // nothing else held: let in
        #expect(admission.held == 500)
        huge.release()
        huge.release()     // a second release gives back nothing more
        #expect(admission.held == 0)
    }

    @Test func decodersAskBeforeAllocating() throws {
        let admission = DecodeAdmission(capacity: 1 << 30)
        let pass = admission.pass()
        _ = try ImageFile.decode(try PNG.encode(RGBImage(width: 10, height: 5, pixels: [UInt8](repeating: 1, count: 150))),
                                 name: "a.png", pass: pass)
        #expect(admission.held == 10 * 5 * 4)
        pass.release()
    }
}

/// A flag set on one thread and read on another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    func set() { lock.withLock { isSet = true } }
    var value: Bool { lock.withLock { isSet } }
}
