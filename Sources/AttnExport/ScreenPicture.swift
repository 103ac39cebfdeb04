// ScreenPicture: a TUI screen (the cell buffer the terminal would draw) as a PNG, for
// screenshots in documents and for tests that check the colours on screen: each cell is 6 x 12
// pixels, half blocks split it into its two pixels' colours, eighth blocks fill their fraction
// (left or bottom),
// and text is drawn with the built-in bitmap font.
import AttnImaging
import AttnTUI

public enum ScreenPicture {
    public static let cellWidth = 6, cellHeight = 12

    static let eighths: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7, "█": 8]
    static let lowerEighths: [Character: Int] = ["▁": 1, "▂": 2, "▃": 3, "▄": 4, "▅": 5, "▆": 6, "▇": 7]

    public static func render(_ screen: Screen) -> RGBImage {
        var canvas = Canvas(width: screen.width * cellWidth, height: screen.height * cellHeight, background: Screen.defaultBackground)
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                let (px, py) = (x * cellWidth, y * cellHeight)
                canvas.fill(x: px, y: py, width: cellWidth, height: cellHeight, cell.background)
                switch cell.character {
                case " ":
                    break
                case "▀":
                    canvas.fill(x: px, y: py, width: cellWidth, height: cellHeight / 2, cell.foreground)
                case let c where eighths[c] != nil:
                    canvas.fill(x: px, y: py, width: (cellWidth * eighths[c]! + 4) / 8, height: cellHeight, cell.foreground)
                case let c where lowerEighths[c] != nil:
                    let h = (cellHeight * lowerEighths[c]! + 4) / 8
                    canvas.fill(x: px, y: py + cellHeight - h, width: cellWidth, height: h, cell.foreground)
                case "─":
                    canvas.fill(x: px, y: py + cellHeight / 2, width: cellWidth, height: 1, cell.foreground)
                case "…":
                    for dot in 0..<3 { canvas.fill(x: px + 2 * dot, y: py + cellHeight - 3, width: 1, height: 1, cell.foreground) }
                default:
                    canvas.text(String(cell.character), x: px, y: py + (cellHeight - BitmapFont.glyphHeight) / 2, scale: 1, cell.foreground)
                }
            }
        }
        return canvas.image
    }
}
