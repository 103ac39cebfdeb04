// DisplayText: text taken from a file or the command line, made safe to put in a one-line error
// message. Control characters (C0, DEL, C1: the ESC, BEL and CR that could move the cursor or
// rewrite the line in the user's terminal) are shown as \xNN, the text is cut at a length a
// message can hold, and what was cut is counted, so a hostile key or pickle string can neither
// break the terminal nor flood it.

public enum DisplayText {
    /// How many characters of file-supplied text a message quotes by default.
    public static let defaultLimit = 80

    /// `text` with control characters escaped and at most `limit` characters kept.
    public static func escaped(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var out = "", kept = 0, cut = 0
        for scalar in text.unicodeScalars {
            guard kept < limit else { cut += 1; continue }
            kept += 1
            if isControl(scalar) {
                out += "\\x" + hex(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if cut > 0 { out += "… (\(cut) more)" }
        return out
    }

    /// Raw bytes as text: printable ASCII kept, every other byte as \xNN (for bytes that are not
    /// known to be UTF-8, such as a damaged pickle's operand).
    public static func escaped(bytes: some Sequence<UInt8>, limit: Int = defaultLimit) -> String {
        var out = "", kept = 0, cut = 0
        for byte in bytes {
            guard kept < limit else { cut += 1; continue }
            kept += 1
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + hex(UInt32(byte))
            }
        }
        if cut > 0 { out += "… (\(cut) more bytes)" }
        return out
    }

    /// A message of several lines (a usage text, a list of problems) with the control
    /// characters of each line escaped; its newlines and tabs are kept, and nothing is cut.
    public static func escapedLines(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar != "\n" && scalar != "\t" {
                out += "\\x" + hex(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `escaped(text)` in single quotes, the way messages quote names and values.
    public static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        "'" + escaped(text, limit: limit) + "'"
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
