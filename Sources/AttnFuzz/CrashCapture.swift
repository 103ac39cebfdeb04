// CrashCapture: keeps a copy of the input being run where a signal handler can write it out, so
// that a crash (a trapped overflow, a failed allocation, a segfault in a C library) leaves the
// input that caused it on disk. The handler only calls write(2), open(2) and close(2), which are
// safe in a handler, then lets the signal kill the process as it would have.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var capturedBytes: UnsafeMutablePointer<UInt8>? = nil
nonisolated(unsafe) private var capturedCapacity = 0
nonisolated(unsafe) private var capturedCount = 0
nonisolated(unsafe) private var crashPath: UnsafeMutablePointer<CChar>? = nil

public enum CrashCapture {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Crashes from now on write the current input to `path`.
    public static func install(path: String) {
        crashPath = strdup(path)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                CrashCapture.writeOut(to: crashPath)
                let note = "attnview-fuzz: crashed on signal; the input is saved\n"
                _ = note.withCString { write(2, $0, strlen($0)) }
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
    }

    /// The input about to run.
    public static func hold(_ input: [UInt8]) {
        if input.count > capturedCapacity {
            capturedBytes?.deallocate()
            capturedCapacity = max(input.count, 2 * capturedCapacity, 1 << 16)
            capturedBytes = .allocate(capacity: capturedCapacity)
        }
        if !input.isEmpty {
            input.withUnsafeBufferPointer { capturedBytes!.update(from: $0.baseAddress!, count: input.count) }
        }
        capturedCount = input.count
    }

    /// Writes the held input (from a handler or the watchdog).
    static func writeOut(to path: UnsafeMutablePointer<CChar>?) {
        guard let path, let bytes = capturedBytes else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var done = 0
        while done < capturedCount {
            let n = write(fd, bytes + done, capturedCount - done)
            if n <= 0 { break }
            done += n
        }
        close(fd)
    }

    /// Writes the held input to `path` from ordinary code.
    public static func save(to path: String) {
        path.withCString { writeOut(to: UnsafeMutablePointer(mutating: $0)) }
    }
}
