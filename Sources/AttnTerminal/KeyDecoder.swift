// KeyDecoder: a character or an ncurses key code, as a Key. Pure, so the mapping is testable
// without a terminal; the numbers are ncurses' key codes (KEY_UP is 0o403, ...).
import AttnTUI
import CNcursesW

public enum KeyDecoder {
    /// One thing read: a character (put together by KeyInput) or a key ncurses recognised.
    public enum Input: Equatable, Sendable {
        /// A character's code point.
        case character(UInt32)
        /// An ncurses key code (KEY_UP, KEY_RESIZE, ...).
        case functionKey(Int32)
    }

    /// The Key for an input; nil for keys the TUI has no use for. `size` is the terminal's size
    /// after a resize.
    public static func decode(_ input: Input, size: (width: Int, height: Int)) -> Key? {
        switch input {
        case .character(let code): return character(code)
        case .functionKey(let code): return functionKey(code, size: size)
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            // Other control characters (Ctrl-letters, C1 codes) have no meaning here.
            if scalar.properties.generalCategory == .control { return nil }
            return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int32, size: (width: Int, height: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // The keypad's corners (A1, A3, C1, C3) are Home, PgUp, End and PgDn on a PC keypad.
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize(width: size.width, height: size.height)
        default: return nil
        }
    }
}
