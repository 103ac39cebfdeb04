// Screen: the cell buffer everything is rendered into. Drawing is a pure function from the view
// state to a Screen; tests read it directly, and the terminal backend only copies the cells that
// changed since the last frame to ncurses.

public struct Cell: Equatable, Sendable {
    public var character: Character
    public var foreground: RGB
    public var background: RGB
    public var bold: Bool

    public init(_ character: Character = " ", foreground: RGB = Screen.defaultForeground,
                background: RGB = Screen.defaultBackground, bold: Bool = false) {
        self.character = character; self.foreground = foreground; self.background = background; self.bold = bold
    }
}

public struct Screen: Equatable, Sendable {
    public static let defaultForeground = RGB(220, 220, 220)
    public static let defaultBackground = RGB(0, 0, 0)

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// Writes text from (x, y), clipped to the screen and to `maxWidth` cells.
    public mutating func put(
        _ text: String, x: Int, y: Int, foreground: RGB = Screen.defaultForeground,
        background: RGB = Screen.defaultBackground, bold: Bool = false, maxWidth: Int? = nil
    ) {
        guard y >= 0 && y < height else { return }
        var column = x
        let limit = min(width, x + (maxWidth ?? width))
        for ch in text where column < limit {
            if column >= 0 { self[column, y] = Cell(ch, foreground: foreground, background: background, bold: bold) }
            column += 1
        }
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { self[column, row] = cell }
        }
    }

    /// The characters, one line per row, trailing spaces kept (for snapshots and tests).
    public var text: String {
        (0..<height).map { row in String(cells[(row * width)..<((row + 1) * width)].map(\.character)) }
            .joined(separator: "\n")
    }

    /// Row `y` as text.
    public func line(_ y: Int) -> String {
        String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }
}
