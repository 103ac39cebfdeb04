// A tiny 5x7 bitmap font for captions and colour-bar labels in exported PNGs, so exports need no font files.
// Every glyph below is attnview's own hand-drawn design, not taken from any existing font table.

public enum BitmapFont {
    public static let glyphWidth = 5
    public static let glyphHeight = 7
    /// Horizontal distance from one character to the next, in font pixels (glyph plus one column of space).
    public static let advance = 6

    /// The glyph of `character` as 7 rows, top to bottom; bit 4 of each row is the leftmost column, bit 0 the rightmost.
    /// Characters outside printable ASCII get the fallback box.
    public static func rows(of character: Character) -> [UInt8] {
        // `asciiValue` maps "\r\n" to 10, which is still outside the printable range, so it gets the box too.
        guard let ascii = character.asciiValue, ascii >= firstPrintable, ascii <= lastPrintable else {
            return fallback
        }
        return glyphs[Int(ascii - firstPrintable)]
    }

    /// Width in font pixels of `text` drawn at scale 1: advance * count - 1 (0 for empty text).
    public static func width(of text: String) -> Int {
        let count = text.count
        // The trailing spacing column of the last character is not part of the drawn extent.
        return count == 0 ? 0 : advance * count - 1
    }

    /// Calls `plot(x, y)` for every set pixel of `text` drawn with its top-left corner at (0, 0), each font pixel
    /// enlarged to a scale x scale square (scale >= 1), characters `advance * scale` apart.
    public static func forEachPixel(of text: String, scale: Int, _ plot: (_ x: Int, _ y: Int) -> Void) {
        precondition(scale >= 1, "BitmapFont scale must be at least 1")
        for (index, character) in text.enumerated() {
            let originX = index * advance * scale
            for (row, bits) in rows(of: character).enumerated() where bits != 0 {
                for column in 0..<glyphWidth where bits & (1 << (glyphWidth - 1 - column)) != 0 {
                    let left = originX + column * scale
                    let top = row * scale
                    for dy in 0..<scale {
                        for dx in 0..<scale {
                            plot(left + dx, top + dy)
                        }
                    }
                }
            }
        }
    }

    private static let firstPrintable: UInt8 = 32
    private static let lastPrintable: UInt8 = 126

    // Square corners keep the box apart from O, 0 and D.
    private static let fallback: [UInt8] = [0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111]

    /// Printable ASCII in code order, eight glyphs to a band. Each band names its first character so that a
    /// dropped or duplicated glyph is caught when decoding instead of shifting every later character.
    /// Lower case sits on rows 2-6; g j p q y keep that top edge but squeeze their bowls so the descender fits.
    /// 0 carries a diagonal and D a rounded right side so neither reads as O.
    private static let sheet: [(first: Character, art: String)] = [
        (" ", """
            .....  ..#..  .#.#.  .#.#.  ..#..  ##...  .##..  ..#..
            .....  ..#..  .#.#.  .#.#.  .####  ##..#  #..#.  ..#..
            .....  ..#..  .....  #####  #.#..  ...#.  #.#..  .....
            .....  ..#..  .....  .#.#.  .###.  ..#..  .#...  .....
            .....  ..#..  .....  #####  ..#.#  .#...  #.#.#  .....
            .....  .....  .....  .#.#.  ####.  #..##  #..#.  .....
            .....  ..#..  .....  .#.#.  ..#..  ...##  .##.#  .....
            """),
        ("(", """
            ...#.  .#...  .....  .....  .....  .....  .....  ....#
            ..#..  ..#..  ..#..  ..#..  .....  .....  .....  ....#
            .#...  ...#.  #.#.#  ..#..  .....  .....  .....  ...#.
            .#...  ...#.  .###.  #####  .....  #####  .....  ..#..
            .#...  ...#.  #.#.#  ..#..  .##..  .....  .....  .#...
            ..#..  ..#..  ..#..  ..#..  ..#..  .....  .##..  #....
            ...#.  .#...  .....  .....  .#...  .....  .##..  #....
            """),
        ("0", """
            .###.  ..#..  .###.  .###.  ...#.  #####  ..##.  #####
            #...#  .##..  #...#  #...#  ..##.  #....  .#...  ....#
            #..##  ..#..  ....#  ....#  .#.#.  ####.  #....  ...#.
            #.#.#  ..#..  ...#.  ..##.  #..#.  ....#  ####.  ..#..
            ##..#  ..#..  ..#..  ....#  #####  ....#  #...#  .#...
            #...#  ..#..  .#...  #...#  ...#.  #...#  #...#  .#...
            .###.  .###.  #####  .###.  ...#.  .###.  .###.  .#...
            """),
        ("8", """
            .###.  .###.  .....  .....  ...#.  .....  .#...  .###.
            #...#  #...#  .##..  .##..  ..#..  .....  ..#..  #...#
            #...#  #...#  .##..  .##..  .#...  #####  ...#.  ....#
            .###.  .####  .....  .....  #....  .....  ....#  ...#.
            #...#  ....#  .....  .##..  .#...  #####  ...#.  ..#..
            #...#  ...#.  .##..  ..#..  ..#..  .....  ..#..  .....
            .###.  .##..  .##..  .#...  ...#.  .....  .#...  ..#..
            """),
        ("@", """
            .###.  .###.  ####.  .###.  ###..  #####  #####  .###.
            #...#  #...#  #...#  #...#  #..#.  #....  #....  #...#
            #.###  #...#  #...#  #....  #...#  #....  #....  #....
            #.#.#  #####  ####.  #....  #...#  ####.  ####.  #.###
            #.###  #...#  #...#  #....  #...#  #....  #....  #...#
            #....  #...#  #...#  #...#  #..#.  #....  #....  #...#
            .####  #...#  ####.  .###.  ###..  #####  #....  .####
            """),
        ("H", """
            #...#  .###.  ..###  #...#  #....  #...#  #...#  .###.
            #...#  ..#..  ...#.  #..#.  #....  ##.##  #...#  #...#
            #...#  ..#..  ...#.  #.#..  #....  #.#.#  ##..#  #...#
            #####  ..#..  ...#.  ##...  #....  #.#.#  #.#.#  #...#
            #...#  ..#..  ...#.  #.#..  #....  #...#  #..##  #...#
            #...#  ..#..  #..#.  #..#.  #....  #...#  #...#  #...#
            #...#  .###.  .##..  #...#  #####  #...#  #...#  .###.
            """),
        ("P", """
            ####.  .###.  ####.  .###.  #####  #...#  #...#  #...#
            #...#  #...#  #...#  #...#  ..#..  #...#  #...#  #...#
            #...#  #...#  #...#  #....  ..#..  #...#  #...#  #...#
            ####.  #...#  ####.  .###.  ..#..  #...#  #...#  #.#.#
            #....  #.#.#  #.#..  ....#  ..#..  #...#  #...#  #.#.#
            #....  #..#.  #..#.  #...#  ..#..  #...#  .#.#.  #.#.#
            #....  .##.#  #...#  .###.  ..#..  .###.  ..#..  .#.#.
            """),
        ("X", """
            #...#  #...#  #####  .###.  #....  .###.  ..#..  .....
            #...#  #...#  ....#  .#...  #....  ...#.  .#.#.  .....
            .#.#.  .#.#.  ...#.  .#...  .#...  ...#.  #...#  .....
            ..#..  ..#..  ..#..  .#...  ..#..  ...#.  .....  .....
            .#.#.  ..#..  .#...  .#...  ...#.  ...#.  .....  .....
            #...#  ..#..  #....  .#...  ....#  ...#.  .....  .....
            #...#  ..#..  #####  .###.  ....#  .###.  .....  #####
            """),
        ("`", """
            .#...  .....  #....  .....  ....#  .....  ..##.  .....
            ..#..  .....  #....  .....  ....#  .....  .#..#  .....
            .....  .###.  #.##.  .###.  .##.#  .###.  .#...  .####
            .....  ....#  ##..#  #....  #..##  #...#  ###..  #...#
            .....  .####  #...#  #....  #...#  #####  .#...  .####
            .....  #...#  #...#  #...#  #...#  #....  .#...  ....#
            .....  .####  ####.  .###.  .####  .###.  .#...  .###.
            """),
        ("h", """
            #....  ..#..  ...#.  #....  .##..  .....  .....  .....
            #....  .....  .....  #....  ..#..  .....  .....  .....
            #.##.  .##..  ..##.  #..#.  ..#..  ##.#.  #.##.  .###.
            ##..#  ..#..  ...#.  #.#..  ..#..  #.#.#  ##..#  #...#
            #...#  ..#..  ...#.  ##...  ..#..  #.#.#  #...#  #...#
            #...#  ..#..  #..#.  #.#..  ..#..  #...#  #...#  #...#
            #...#  .###.  .##..  #..#.  ...##  #...#  #...#  .###.
            """),
        ("p", """
            .....  .....  .....  .....  .#...  .....  .....  .....
            .....  .....  .....  .....  .#...  .....  .....  .....
            ####.  .####  #.##.  .####  ###..  #...#  #...#  #...#
            #...#  #...#  ##..#  #....  .#...  #...#  #...#  #...#
            ####.  .####  #....  .###.  .#...  #...#  #...#  #.#.#
            #....  ....#  #....  ....#  .#..#  #..##  .#.#.  #.#.#
            #....  ....#  #....  ####.  ..##.  .##.#  ..#..  .#.#.
            """),
        ("x", """
            .....  .....  .....  ...##  ..#..  ##...  .....
            .....  .....  .....  ..#..  ..#..  ..#..  .....
            #...#  #...#  #####  ..#..  ..#..  ..#..  .#...
            .#.#.  #...#  ...#.  .#...  ..#..  ...#.  #.#.#
            ..#..  .####  ..#..  ..#..  ..#..  ..#..  ...#.
            .#.#.  ....#  .#...  ..#..  ..#..  ..#..  .....
            #...#  .###.  #####  ...##  ..#..  ##...  .....
            """),
    ]

    /// Decoded once on first use; Swift initialises static lets lazily and thread-safely.
    private static let glyphs: [[UInt8]] = decode(sheet)

    private static func decode(_ sheet: [(first: Character, art: String)]) -> [[UInt8]] {
        var decoded: [[UInt8]] = []
        for band in sheet {
            precondition(band.first.asciiValue.map { Int($0) - Int(firstPrintable) } == decoded.count,
                         "BitmapFont band starting at \(band.first) is out of order")
            let lines = band.art.split(separator: "\n")
            precondition(lines.count == glyphHeight, "BitmapFont band \(band.first) must have \(glyphHeight) rows")
            var bandGlyphs: [[UInt8]] = []
            for (row, line) in lines.enumerated() {
                let cells = line.split(separator: " ")
                if row == 0 {
                    bandGlyphs = Array(repeating: Array(repeating: 0, count: glyphHeight), count: cells.count)
                }
                precondition(cells.count == bandGlyphs.count, "BitmapFont band \(band.first) has ragged rows")
                for (glyph, cell) in cells.enumerated() {
                    precondition(cell.count == glyphWidth, "BitmapFont band \(band.first) has a cell of wrong width")
                    var bits: UInt8 = 0
                    for pixel in cell {
                        precondition(pixel == "#" || pixel == ".", "BitmapFont art may only use '#' and '.'")
                        bits = bits << 1 | (pixel == "#" ? 1 : 0)
                    }
                    bandGlyphs[glyph][row] = bits
                }
            }
            decoded += bandGlyphs
        }
        precondition(decoded.count == Int(lastPrintable - firstPrintable) + 1, "BitmapFont must cover all printable ASCII")
        return decoded
    }
}
