// Key: the input events the TUI reacts to, decoded from ncurses by the terminal backend, so that
// state updates are testable without a terminal.

public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace
    /// The terminal was resized to this many columns and rows.
    case resize(width: Int, height: Int)
}
