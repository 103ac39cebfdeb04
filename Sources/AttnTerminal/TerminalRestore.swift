// TerminalRestore: what it takes to give the terminal back from a signal handler, and to take it
// again after a suspend, prepared while the screen opens: the terminal modes from before ncurses
// and from after it set them, and terminfo's strings that leave and re-enter full-screen mode.
// A handler may interrupt anything (malloc, ncurses in the middle of a frame), so giveBack and
// takeBack touch no ncurses, no Swift object and no allocation: write, tcflush and tcsetattr
// (all async-signal-safe) on memory prepared here and never freed. The atexit hook covers an
// exit() with the screen still open.
import CNcursesW
import Glibc
import Synchronization

package enum TerminalRestore {
    /// Whether a screen is open; the plan is filled in whenever this is true.
    static let isOpen = Atomic<Bool>(false)
    /// Set when the terminal was given back to the shell (suspend) and not yet taken again.
    static let isAway = Atomic<Bool>(false)
    /// Set by takeBack: the screen must be repainted in full, which only the session can do.
    static let needsRepaint = Atomic<Bool>(false)

    /// What the handlers read. Written only while no screen is open (begin) or, for the byte
    /// counts, after the bytes themselves (complete).
    struct Plan {
        var descriptor: Int32 = -1
        /// The thread that opened the screen and draws on it (see TerminalSignals.forward).
        var owner = pthread_t()
        /// The signals the owner had blocked at open, which must not be forwarded to it.
        var ownerBlocked = sigset_t()
        var shellModes = termios()
        var programModes = termios()
        var hasProgramModes = false
        var leaveCount = 0
        var enterCount = 0
    }

    static let byteCapacity = 512
    nonisolated(unsafe) static let plan: UnsafeMutablePointer<Plan> = {
        let plan = UnsafeMutablePointer<Plan>.allocate(capacity: 1)
        plan.initialize(to: Plan())
        return plan
    }()
    nonisolated(unsafe) static let leaveBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
    nonisolated(unsafe) static let enterBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)

    /// Before newterm: the modes to give back and where. From here on a signal restores them.
    static func begin(descriptor: Int32) {
        _ = atExitHook
        var plan = Plan()
        plan.descriptor = descriptor
        plan.owner = pthread_self()
        pthread_sigmask(SIG_BLOCK, nil, &plan.ownerBlocked)
        tcgetattr(descriptor, &plan.shellModes)
        self.plan.pointee = plan
        isAway.store(false, ordering: .sequentiallyConsistent)
        needsRepaint.store(false, ordering: .sequentiallyConsistent)
        isOpen.store(true, ordering: .sequentiallyConsistent)
    }

    /// After ncurses has set its modes: those modes, and the strings that leave and re-enter
    /// the screen, from the terminfo entry of the open screen (under NcursesLock).
    static func complete() {
        let descriptor = plan.pointee.descriptor
        var modes = termios()
        if tcgetattr(descriptor, &modes) == 0 {
            plan.pointee.programModes = modes
            plan.pointee.hasProgramModes = true
        }
        // CAN first: it aborts an escape sequence an interrupted frame may have left half-written.
        // No exit_ca_mode means no alternate screen: clear what the TUI drew instead.
        let leave = [0x18] + capabilities(["sgr0", "cnorm", "rmkx"])
            + (capabilities(["rmcup"]).isEmpty ? capabilities(["clear"]) : capabilities(["rmcup"]))
        let enter = capabilities(["smcup", "smkx", "civis"])
        plan.pointee.leaveCount = copy(leave, into: leaveBytes)
        plan.pointee.enterCount = copy(enter, into: enterBytes)
    }

    /// The screen is closed (ncurses has restored the terminal itself).
    static func end() {
        isOpen.store(false, ordering: .sequentiallyConsistent)
        plan.pointee.leaveCount = 0
        plan.pointee.enterCount = 0
    }

    /// Normal screen, cursor, attributes and keypad back; the shell's modes; with
    /// `discardTypeahead`, keys typed for the TUI are dropped rather than left for the shell.
    /// Async-signal-safe.
    package static func giveBack(discardTypeahead: Bool) {
        guard isOpen.load(ordering: .sequentiallyConsistent) else { return }
        let descriptor = plan.pointee.descriptor
        writeAll(leaveBytes, count: plan.pointee.leaveCount, to: descriptor)
        if discardTypeahead { tcflush(descriptor, TCIFLUSH) }
        tcsetattr(descriptor, TCSANOW, &plan.pointee.shellModes)
        isAway.store(true, ordering: .sequentiallyConsistent)
    }

    /// The TUI's modes again and, when the terminal was given back, the full screen; the session
    /// repaints everything at its next read. In the background, tcsetattr stops the process
    /// (SIGTTOU) until it is brought to the foreground, so nothing is drawn over the shell.
    /// Async-signal-safe.
    package static func takeBack() {
        guard isOpen.load(ordering: .sequentiallyConsistent), plan.pointee.hasProgramModes else { return }
        let descriptor = plan.pointee.descriptor
        tcsetattr(descriptor, TCSANOW, &plan.pointee.programModes)
        if isAway.exchange(false, ordering: .sequentiallyConsistent) {
            writeAll(enterBytes, count: plan.pointee.enterCount, to: descriptor)
        }
        needsRepaint.store(true, ordering: .sequentiallyConsistent)
    }

    private static func writeAll(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, to descriptor: Int32) {
        var done = 0
        // A bounded number of tries: a terminal that takes nothing must not hold the handler.
        for _ in 0..<16 where done < count {
            let wrote = write(descriptor, bytes + done, count - done)
            if wrote > 0 { done += wrote } else if wrote < 0 && errno != EINTR && errno != EAGAIN { return }
        }
    }

    /// Terminfo strings of the current terminal, concatenated, without padding (`$<5>`), which
    /// only tputs interprets.
    static func capabilities(_ names: [String]) -> [UInt8] {
        var bytes = [UInt8]()
        for name in names {
            guard let value = attn_string_capability(name) else { continue }
            bytes += withoutPadding(Array(String(cString: value).utf8))
        }
        return bytes
    }

    package static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result = [UInt8](), i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            result.append(bytes[i])
            i += 1
        }
        return result
    }

    private static func copy(_ bytes: [UInt8], into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        let count = min(bytes.count, byteCapacity)
        for i in 0..<count { buffer[i] = bytes[i] }
        return count
    }

    private static let atExitHook: Void = {
        atexit {
            if TerminalRestore.isOpen.load(ordering: .sequentiallyConsistent) { endwin() }
        }
    }()
}
