// PictureBand: the band under every exported figure: the colour bar over the value range in use
// (the range the TUI's colour bar shows), its two ends labelled, the drawn values' own range
// between them where that differs, then the caption, wrapped at its " | " separators where the
// figure is too narrow for one line. Its height depends only on the width and the caption, so
// README can state it.
import AttnTUI

public enum PictureBand {
    static let background = RGB.white
    static let ink = RGB(20, 20, 20)
    static let faint = RGB(110, 110, 110)

    /// Font pixels are scaled up on wide figures so the text stays legible next to them.
    public static func scale(forWidth width: Int) -> Int { min(4, 1 + width / 900) }

    /// Margins, bar, labels and caption lines, in font pixels (times `scale`).
    static let margin = 6, barHeight = 10, labelGap = 3, captionGap = 6, lineStep = 10

    /// The band's height for a figure `width` pixels wide with this caption.
    public static func height(width: Int, caption: [String]) -> Int {
        let s = scale(forWidth: width)
        let lines = captionLines(caption, width: width).count
        return s * (margin + barHeight + labelGap + BitmapFont.glyphHeight + captionGap
                    + lines * lineStep - (lineStep - BitmapFont.glyphHeight) + margin)
    }

    /// The caption's parts joined by " | ", as many per line as fit; a part longer than a whole
    /// line is cut into pieces.
    static func captionLines(_ parts: [String], width: Int) -> [String] {
        let s = scale(forWidth: width)
        let perLine = max(1, (width - 2 * margin * s + s) / (BitmapFont.advance * s))
        var lines = [String](), line = ""
        for part in parts {
            var piece = part
            while piece.count > perLine {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(piece.prefix(perLine)))
                piece = String(piece.dropFirst(perLine))
            }
            let joined = line.isEmpty ? piece : line + " | " + piece
            if joined.count <= perLine {
                line = joined
            } else {
                lines.append(line)
                line = piece
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Paints the band into rows y ..< y + height of the canvas: a colour bar per scale, side by
    /// side (CoordAtt's strips and product), then the caption.
    static func draw(into canvas: inout Canvas, y top: Int, scales: [(label: String?, scale: ViewScale)], colormap: Colormap,
                     caption: [String]) {
        let width = canvas.width
        let s = Self.scale(forWidth: width)
        canvas.fill(x: 0, y: top, width: width, height: height(width: width, caption: caption), background)
        let slot = (width - margin * s) / max(1, scales.count)
        for (i, entry) in scales.enumerated() {
            drawBar(into: &canvas, left: margin * s + i * slot, right: margin * s + (i + 1) * slot - margin * s, top: top + margin * s,
                    s: s, label: entry.label, scale: entry.scale, colormap: colormap)
        }
        var y = top + (margin + barHeight + labelGap + BitmapFont.glyphHeight + captionGap) * s
        for line in captionLines(caption, width: width) {
            canvas.text(line, x: margin * s, y: y, scale: s, ink)
            y += lineStep * s
        }
    }

    /// One colour bar between `left` and `right`, its ends labelled below it (with the bar's name
    /// first, where it has one); a constant map's bar is flat and says "constant v".
    static func drawBar(into canvas: inout Canvas, left: Int, right: Int, top: Int, s: Int, label: String?, scale: ViewScale,
                        colormap: Colormap) {
        let barWidth = max(1, right - left)
        let range = scale.range
        for i in 0..<barWidth {
            let color = range.isConstant ? colormap.color(0.5) : colormap.color(Float(i) / Float(max(1, barWidth - 1)))
            canvas.fill(x: left + i, y: top, width: 1, height: barHeight * s, color)
        }
        let labelTop = top + (barHeight + labelGap) * s
        let name = label.map { "\($0): " } ?? ""
        if range.isConstant {
            canvas.text(name + "constant \(compactValue(range.low))", x: left, y: labelTop, scale: s, ink)
            return
        }
        let low = name + compactValue(range.low), high = compactValue(range.high)
        canvas.text(low, x: left, y: labelTop, scale: s, ink)
        canvas.text(high, right: right, y: labelTop, scale: s, ink)
        if scale.drawn != range {
            let middle = "values \(compactValue(scale.drawn.low)) .. \(compactValue(scale.drawn.high))"
            let w = Canvas.textWidth(middle, scale: s)
            let x = left + (barWidth - w) / 2
            if x > left + Canvas.textWidth(low, scale: s) + 2 * s && x + w < right - Canvas.textWidth(high, scale: s) - 2 * s {
                canvas.text(middle, x: x, y: labelTop, scale: s, faint)
            }
        }
    }
}
