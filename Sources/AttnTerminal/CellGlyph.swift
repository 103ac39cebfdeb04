// CellGlyph: the code points one screen cell sends to ncurses. The cell buffer holds one Character
// per column, so anything that does not take exactly one column (a wide CJK character, a control
// character) is replaced, or it would shift the rest of its row on the terminal.

package enum CellGlyph {
    /// What ncurses' cchar_t holds at most besides its terminating zero.
    package static let maxCodePoints = 4

    /// The code points for `character`; `columns` is wcwidth in the session's locale.
    package static func codePoints(of character: Character, columns: (UInt32) -> Int32) -> [UInt32] {
        let scalars = Array(character.unicodeScalars)
        guard let base = scalars.first else { return [0x20] }
        if base.properties.generalCategory == .control { return [0x20] }
        guard columns(base.value) == 1 else { return [0x3F] }  // "?"
        var points = [base.value]
        // Combining marks ride along on the base; anything else in the cluster (joiners, emoji
        // modifiers) would widen it, so the cluster stops there.
        for mark in scalars.dropFirst() where points.count < maxCodePoints {
            guard columns(mark.value) == 0, mark.properties.generalCategory != .control else { break }
            points.append(mark.value)
        }
        return points
    }
}
