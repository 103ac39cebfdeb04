// Terminfo: reads a terminal type's capabilities from the terminfo database through ncurses,
// without opening a screen.
import CNcursesW

public enum Terminfo {
    /// The "colors" capability of a terminal type, or nil when the type is unknown.
    public static func colorCount(terminalType: String) -> Int? {
        var status: Int32 = 0
        // fd -1: look the type up only; nothing is written to any terminal.
        guard setupterm(terminalType, -1, &status) == OK, status == 1 else { return nil }
        defer { attn_release_terminfo() }
        let colors = tigetnum("colors")
        return colors >= 0 ? Int(colors) : 0
    }
}
