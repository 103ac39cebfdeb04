// TerminalError: why a terminal session could not start, in one line for the user.

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout (named) is not a terminal.
    case notATerminal(stream: String)
    /// TERM is unset or empty.
    case noTerminalType
    /// terminfo does not know TERM.
    case unknownTerminalType(String)
    /// ncurses refused to start on a terminal it knows.
    case cannotStart(terminalType: String)
    /// Another session is open in this process (ncurses has one current screen).
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal(let stream): "attnview needs a terminal: \(stream) is not a tty"
        case .noTerminalType: "attnview needs a terminal: TERM is not set"
        case .unknownTerminalType(let type): "unknown terminal type '\(type)'"
        case .cannotStart(let type): "could not start the terminal (type '\(type)')"
        case .alreadyOpen: "a terminal session is already open"
        }
    }
}
