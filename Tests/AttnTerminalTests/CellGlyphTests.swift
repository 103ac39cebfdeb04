// CellGlyph: one column per cell, whatever the Character.
import AttnTerminal
import Testing

/// A stand-in for wcwidth: CJK ideographs are wide, combining marks take no column.
private func columns(_ point: UInt32) -> Int32 {
    switch point {
    case 0x4E00...0x9FFF, 0x1F300...0x1FAFF: 2
    case 0x0300...0x036F: 0
    case 0x200D: 0
    default: 1
    }
}

@Test func blockElementsAndBoxDrawingPassThrough() {
    for glyph in ["▀", "▄", "█", "─", "┌", "→", "q"] as [Character] {
        #expect(CellGlyph.codePoints(of: glyph, columns: columns) == glyph.unicodeScalars.map(\.value))
    }
}

@Test func combiningMarksStayWithTheirBase() {
    #expect(CellGlyph.codePoints(of: "e\u{301}", columns: columns) == [0x65, 0x301])
}

@Test func wideAndControlCharactersAreReplaced() {
    #expect(CellGlyph.codePoints(of: "漢", columns: columns) == [0x3F])
    #expect(CellGlyph.codePoints(of: "\t", columns: columns) == [0x20])
    #expect(CellGlyph.codePoints(of: "\u{1B}", columns: columns) == [0x20])
}
