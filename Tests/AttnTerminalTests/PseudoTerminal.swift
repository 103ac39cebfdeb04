// PseudoTerminal: a pty pair for driving a TerminalSession inside the test process. The session
// opens the slave side; the test types into the master side and reads what ncurses wrote, which a
// background thread drains so that a large frame never blocks on a full pty buffer.
import Foundation
import Glibc

final class PseudoTerminal: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let master: Int32
    let slave: Int32
    private let lock = NSLock()
    private var received: [UInt8] = []
    private var stopping = false
    private let stopped = DispatchSemaphore(value: 0)

    init(width: Int, height: Int) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        self.master = master
        self.slave = slave
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    deinit {
        hangUp()
        Glibc.close(slave)
    }

    /// Closes the master side, as when a terminal window goes away: reads on the slave fail.
    func hangUp() {
        let first = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        stopped.wait()
        Glibc.close(master)
    }

    /// Sets the window size the slave reports (the kernel would also signal a controlling
    /// terminal's foreground group; this one is nobody's controlling terminal).
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types text, as keys arrive from a terminal.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Types raw bytes, invalid UTF-8 included.
    func type(bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 { written += count } else { Thread.sleep(forTimeInterval: 0.01) }
        }
    }

    /// Whether input typed at the master side is waiting to be read on the slave side, within `timeout`.
    func slaveHasInput(within timeout: Duration = .zero) -> Bool {
        var poller = pollfd(fd: slave, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return poll(&poller, 1, milliseconds) > 0 && poller.revents & Int16(POLLIN) != 0
    }

    /// What the session wrote since the last call, once it has been quiet for `quiet`.
    func takeOutput(quiet: Duration = .milliseconds(150), timeout: Duration = .seconds(10)) -> TerminalOutput {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastCount = -1
        var lastChange = clock.now
        while clock.now < deadline {
            let count = lock.withLock { received.count }
            if count != lastCount { lastCount = count; lastChange = clock.now }
            else if clock.now - lastChange >= quiet { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return lock.withLock {
            defer { received.removeAll() }
            return TerminalOutput(text: String(decoding: received, as: UTF8.self))
        }
    }

    /// The slave's terminal modes.
    func modes() -> termios {
        var modes = termios()
        tcgetattr(slave, &modes)
        return modes
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !lock.withLock({ stopping }) {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 { lock.withLock { received.append(contentsOf: buffer[0..<count]) } }
        }
        stopped.signal()
    }
}

/// Bytes a session wrote, as text. Its description is short: a frame can be megabytes, and test
/// failures print the values they compare.
struct TerminalOutput: CustomStringConvertible {
    let text: String

    var isEmpty: Bool { text.isEmpty }
    var byteCount: Int { text.utf8.count }
    func contains(_ piece: String) -> Bool { text.contains(piece) }

    var description: String {
        let shown = text.count > 160 ? String(text.prefix(160)) + "…" : text
        return "\(byteCount) bytes: \(shown.debugDescription)"
    }
}
