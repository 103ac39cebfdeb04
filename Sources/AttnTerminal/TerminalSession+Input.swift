// Reading keys: wget_wch in short slices up to an optional timeout, decoded by KeyDecoder. Keys
// the TUI has no use for are skipped, within the same timeout.
import AttnTUI
import CNcursesW

extension TerminalSession {
    /// The longest one wget_wch waits. SIGWINCH goes to any thread of the process (the engine
    /// has workers); landing elsewhere it interrupts no read, and ncurses reports the resize only
    /// when wget_wch is next called.
    static let readSliceMilliseconds = 100

    /// The next key, waiting at most `timeoutMilliseconds` (forever when nil). Nil on timeout, when
    /// input has ended, or once the session is closed.
    public func readKey(timeoutMilliseconds: Int? = nil) -> Key? {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        // Reads that fail at once, one after another, mean the input is gone (not a timeout).
        var immediateFailures = 0
        while true {
            var slice = Self.readSliceMilliseconds
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
                slice = Int(max(0, min(Int64(slice), milliseconds)))
            }
            let started = clock.now
            let read: (status: Int32, value: wint_t, size: (width: Int, height: Int))? = withOpenScreen { window in
                var value: wint_t = 0
                wtimeout(window, Int32(slice))
                let status = wget_wch(window, &value)
                return (status, value, (Int(attn_cols()), Int(attn_lines())))
            }
            guard let read else { return nil }
            let input: KeyDecoder.Input
            switch read.status {
            case OK: input = .character(read.value)
            case KEY_CODE_YES: input = .functionKey(Int32(bitPattern: read.value))
            default:
                if let deadline, clock.now >= deadline { return nil }
                let quick = clock.now - started < .milliseconds(slice / 2)
                immediateFailures = quick && slice > 0 ? immediateFailures + 1 : 0
                if immediateFailures >= 3 { return nil }
                continue
            }
            immediateFailures = 0
            if let key = KeyDecoder.decode(input, size: read.size) {
                if case .resize = key { invalidate() }
                return key
            }
            if let deadline, clock.now >= deadline { return nil }
        }
    }
}
