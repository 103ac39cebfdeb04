// TerminalRestore: puts the terminal back when the process ends without closing its session: on
// SIGINT, SIGTERM, SIGHUP and SIGQUIT (exit status 128 + signal) and at exit().
import CNcursesW
import Glibc

enum TerminalRestore {
    // Read by the signal handler and the atexit hook, which can take no lock (the interrupted
    // thread may hold it); written only by the session under NcursesLock. A stale read at worst
    // calls endwin once too often, which ncurses tolerates.
    nonisolated(unsafe) static var screenOpen = false
    // Where the open screen writes, for the byte that cancels a half-written escape sequence.
    nonisolated(unsafe) static var outputDescriptor: Int32 = STDOUT_FILENO

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The dispositions before `install`, to put back on close.
    struct SavedHandlers {
        fileprivate var actions: [(signal: Int32, action: sigaction)] = []
    }

    /// Installs the restoring handler for each signal not ignored (a nohup'd run stays immune to
    /// SIGHUP), before newterm so that ncurses leaves these signals to us.
    static func install() -> SavedHandlers {
        _ = atExitHook
        var saved = SavedHandlers()
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, !isIgnored(previous) else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreAndExit
            sigemptyset(&action.sa_mask)
            // One restore at a time: a closing terminal sends SIGHUP and SIGTERM together.
            for other in signals { sigaddset(&action.sa_mask, other) }
            action.sa_flags = 0
            if sigaction(signal, &action, nil) == 0 { saved.actions.append((signal, previous)) }
        }
        return saved
    }

    static func uninstall(_ saved: SavedHandlers) {
        for (signal, action) in saved.actions {
            var previous = action
            sigaction(signal, &previous, nil)
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static let atExitHook: Void = {
        atexit {
            if TerminalRestore.screenOpen { endwin() }
        }
    }()
}

/// The handler: only async-signal-safe enough work (write, endwin as ncurses programs do, _exit).
private func restoreAndExit(_ signal: Int32) {
    if TerminalRestore.screenOpen {
        // CAN aborts an escape sequence the interrupted frame may have left half-written.
        let cancel: StaticString = "\u{18}"
        _ = write(TerminalRestore.outputDescriptor, cancel.utf8Start, cancel.utf8CodeUnitCount)
        endwin()
    }
    _exit(128 + signal)
}
