// Terminfo: reads a terminal type's capabilities from the terminfo database through ncurses,
// without opening a screen (and without disturbing one that is open).
import CNcursesW

public enum Terminfo {
    /// What the database says about one terminal type.
    public struct Entry: Equatable, Sendable {
        /// The "colors" capability (0 when absent).
        public var colors: Int
        /// The "RGB" capability: colour numbers are 0xRRGGBB (direct colour), as in xterm-direct.
        public var hasRGB: Bool
    }

    /// The entry for a terminal type, or nil when the type is unknown.
    public static func entry(terminalType: String) -> Entry? {
        guard !terminalType.isEmpty else { return nil }
        let facts = NcursesLock.withLock { attn_terminfo_lookup(terminalType) }
        guard facts.found != 0 else { return nil }
        return Entry(colors: Int(facts.colors), hasRGB: facts.has_rgb != 0)
    }

    /// The "colors" capability of a terminal type, or nil when the type is unknown.
    public static func colorCount(terminalType: String) -> Int? {
        entry(terminalType: terminalType)?.colors
    }

    /// Whether the type is known and has the RGB capability; nil when unknown.
    public static func hasRGB(terminalType: String) -> Bool? {
        entry(terminalType: terminalType)?.hasRGB
    }
}
