// Reading keys: wgetch in short slices up to an optional timeout. ncurses matches the terminal's
// key sequences (arrows, paging keys) and hands other bytes over one at a time; KeyInput makes
// characters of them, so that invalid UTF-8 costs only its own bytes (wget_wch would swallow
// the keys after it). Keys the TUI has no use for are skipped, within the same timeout. After a
// suspend and resume the next read is a resize to the current size, so the screen is repainted.
import AttnTUI
import CNcursesW

extension TerminalSession {
    /// The longest one wgetch waits. SIGWINCH goes to any thread of the process (the engine has
    /// workers); landing elsewhere it interrupts no read, and ncurses reports the resize only when
    /// wgetch is next called.
    static let readSliceMilliseconds = 100
    /// Codes read without a key coming of them (ignored keys, bytes of a character) before a
    /// read whose time is up gives up all the same: a flood of such bytes must not hold it.
    static let skippedCodesLimit = 4096

    /// The next key, waiting at most `timeoutMilliseconds` (forever when nil; 0 takes only what has
    /// already arrived). Nil on timeout, when input has ended, or once the session is closed.
    public func readKey(timeoutMilliseconds: Int? = nil) -> Key? {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        // Reads that fail at once, one after another, mean the input is gone (not a timeout).
        var immediateFailures = 0
        var skipped = 0
        while true {
            if TerminalRestore.needsRepaint.exchange(false, ordering: .sequentiallyConsistent) {
                repaintAfterResume()
                let size = size
                return .resize(width: size.width, height: size.height)
            }
            var slice = Self.readSliceMilliseconds
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
                slice = Int(max(0, min(Int64(slice), milliseconds)))
            }
            let started = clock.now
            let read: (code: Int32, size: (width: Int, height: Int))? = withOpenScreen { window in
                wtimeout(window, Int32(slice))
                let code = wgetch(window)
                return (code, (Int(attn_cols()), Int(attn_lines())))
            }
            guard let read else { return nil }
            if read.code == ERR {
                if let deadline, clock.now >= deadline { return nil }
                let quick = clock.now - started < .milliseconds(slice / 2)
                immediateFailures = quick && slice > 0 ? immediateFailures + 1 : 0
                if immediateFailures >= 3 { return nil }
                continue
            }
            immediateFailures = 0
            if let key = keyInput.key(forCode: read.code, size: read.size) {
                if case .resize = key { invalidate() }
                return key
            }
            skipped += 1
            // Input is still arriving: keep reading past the deadline, within a limit.
            if let deadline, clock.now >= deadline, skipped >= Self.skippedCodesLimit { return nil }
        }
    }

    /// The terminal was given back and taken again (TerminalRestore.takeBack): what it shows now
    /// is not what ncurses believes, so the next frame is drawn from a cleared screen.
    private func repaintAfterResume() {
        _ = withOpenScreen { _ in
            if let current = attn_curscr() { clearok(current, true) }
        }
        invalidate()
    }
}
