// Watchdog: a thread that notices when one run has gone on for too long (a hang: a loop that a
// hostile count keeps going), writes the input out as CrashCapture does, and ends the process
// with status 3, since a hung reader cannot be stopped from outside it.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum Watchdog {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var lastBeat = Date()
        var path = ""
        var started = false
    }
    private static let state = State()

    /// A run starts now.
    public static func beat() {
        state.lock.lock()
        state.lastBeat = Date()
        state.lock.unlock()
    }

    /// From now on, a run longer than `seconds` saves its input to `path` and exits. Called again,
    /// it only changes the path.
    public static func start(seconds: Double, path: String) {
        state.lock.lock()
        state.path = path
        state.lastBeat = Date()
        let started = state.started
        state.started = true
        state.lock.unlock()
        guard !started else { return }
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: min(1, seconds / 4))
                state.lock.lock()
                let since = Date().timeIntervalSince(state.lastBeat), path = state.path
                state.lock.unlock()
                if since > seconds {
                    CrashCapture.save(to: path)
                    FileHandle.standardError.write(Data(String(format: "attnview-fuzz: one run has taken over %.0f s; the input is saved in %@\n", seconds, path).utf8))
                    _exit(3)
                }
            }
        }
        thread.start()
    }
}
