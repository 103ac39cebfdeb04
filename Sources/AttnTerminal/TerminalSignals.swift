// TerminalSignals: what each signal does while a screen is open. Every signal whose default
// action ends the process gives the terminal back first and then dies of that same signal (so a
// shell sees the right status); a crash (a fault, or abort and the traps Swift's runtime raises)
// does the same and then goes on to the handler that was there before (Swift's backtracer);
// Ctrl-Z gives the terminal back and stops; SIGCONT takes it again and has the screen repainted.
// Installed before newterm, so ncurses, which only catches signals left at their default, keeps
// out of SIGINT, SIGTERM and SIGTSTP; it keeps SIGWINCH.
import Glibc

enum TerminalSignals {
    /// Signals whose default action ends the process. A signal already ignored (nohup) or
    /// handled by someone else is left alone: it would not have ended the process.
    static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM,
                                  SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ]
    /// Faults, aborts and SIGQUIT (which Swift's backtracer also catches, to print where each
    /// thread was): the terminal is restored on the way to whatever handled them before.
    static let crashes: [Int32] = [SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    /// Job control: Ctrl-Z (or kill -TSTP) and fg / bg.
    static let jobControl: [Int32] = [SIGTSTP, SIGCONT]

    /// The dispositions before `install`, to put back on close (and for crashes to go on to).
    struct SavedHandlers {
        fileprivate var actions: [(signal: Int32, action: sigaction)] = []
    }

    /// The previous action of each signal, indexed by number, for the crash handler, which
    /// cannot look into a Swift array.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
        table.initialize(repeating: sigaction(), count: Int(NSIG))
        return table
    }()

    static func install() -> SavedHandlers {
        var saved = SavedHandlers()
        // One handler at a time on a thread: a closing terminal sends SIGHUP and SIGTERM together.
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in ending + jobControl + [SIGQUIT] { sigaddset(&mask, signal) }
        func take(_ signal: Int32, _ handler: SignalHandler, extraFlags: Int32 = 0,
                  when wanted: (sigaction) -> Bool) {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, wanted(current) else { return }
            previous[Int(signal)] = current
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = handler
            action.sa_mask = mask
            action.sa_flags = SA_SIGINFO | SA_RESTART | extraFlags
            if sigaction(signal, &action, nil) == 0 { saved.actions.append((signal, current)) }
        }
        for signal in ending { take(signal, endingHandler) { isDefault($0) } }
        // On the alternate stack where the thread has one: a stack overflow leaves no other.
        for signal in crashes { take(signal, crashHandler, extraFlags: SA_ONSTACK) { !isIgnored($0) } }
        take(SIGTSTP, suspendHandler) { isDefault($0) }
        take(SIGCONT, continueHandler) { isDefault($0) }
        return saved
    }

    static func uninstall(_ saved: SavedHandlers) {
        for (signal, action) in saved.actions {
            var previous = action
            sigaction(signal, &previous, nil)
        }
    }

    typealias SignalHandler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

    private static func isDefault(_ action: sigaction) -> Bool {
        action.sa_flags & SA_SIGINFO == 0 && action.__sigaction_handler.sa_handler == nil
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard action.sa_flags & SA_SIGINFO == 0, let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Hands a signal that arrived on another thread to the thread that draws, and says whether it
    /// did: a restore running beside a frame being written could have the frame's remaining
    /// bytes (a hidden cursor, say) land after it. Async-signal-safe.
    static func forwardedToOwner(_ signal: Int32) -> Bool {
        guard TerminalRestore.isOpen.load(ordering: .sequentiallyConsistent) else { return false }
        let plan = TerminalRestore.plan
        guard pthread_equal(pthread_self(), plan.pointee.owner) == 0,
              sigismember(&plan.pointee.ownerBlocked, signal) == 0 else { return false }
        return pthread_kill(plan.pointee.owner, signal) == 0
    }

    /// Ends the process with `signal`'s default action (a core, for SIGQUIT). Async-signal-safe.
    static func dieOfDefault(_ signal: Int32) -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = nil   // SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        unblock(signal)
        raise(signal)
        _exit(128 + signal)
    }

    static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

private func endingHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if TerminalSignals.forwardedToOwner(signal) { return }
    TerminalRestore.giveBack(discardTypeahead: true)
    TerminalSignals.dieOfDefault(signal)
}

/// A fault is handled on the thread that faulted. Returning from a fault the kernel raised runs
/// the faulting instruction again, which then reaches the previous handler with its own details;
/// a signal that was sent (kill, abort) is raised again for it.
private func crashHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    TerminalRestore.giveBack(discardTypeahead: false)
    sigaction(signal, TerminalSignals.previous + Int(signal), nil)
    if let info, info.pointee.si_code > 0 { return }
    TerminalSignals.unblock(signal)
    raise(signal)
    TerminalSignals.dieOfDefault(signal)
}

/// Ctrl-Z: the shell gets a sane terminal, then the process stops as it would have. When it goes
/// on (or when the stop was discarded, as for an orphaned process group), the TUI takes the
/// terminal again.
private func suspendHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if TerminalSignals.forwardedToOwner(signal) { return }
    TerminalRestore.giveBack(discardTypeahead: false)
    var stop = sigaction(), mine = sigaction()
    sigemptyset(&stop.sa_mask)
    sigaction(SIGTSTP, &stop, &mine)
    TerminalSignals.unblock(SIGTSTP)
    raise(SIGTSTP)
    // Stopped here until SIGCONT.
    sigaction(SIGTSTP, &mine, nil)
    TerminalRestore.takeBack()
}

/// fg / bg, and a SIGCONT after a stop that was not ours (SIGSTOP): the shell may have set its
/// own modes meanwhile, so the TUI's are set again and the screen repainted.
private func continueHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if TerminalSignals.forwardedToOwner(signal) { return }
    TerminalRestore.takeBack()
}
