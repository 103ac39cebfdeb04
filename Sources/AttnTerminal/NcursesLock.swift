// NcursesLock: ncurses keeps its state in globals (the current screen, cur_term, LINES, COLS), so
// every call into it, from a session or a terminfo lookup, goes through this one lock.
import Foundation

enum NcursesLock {
    private static let lock = NSLock()

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
