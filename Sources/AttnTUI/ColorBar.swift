// ColorBar: the colormap as a gradient between the two ends of the value range actually used,
// with the drawn values' own minimum and maximum beside it.
import Foundation

enum ColorBar {
    static func draw(into screen: inout Screen, rect: Rect, range: ValueRange?, drawn: ValueRange?, colormap: Colormap) {
        guard let range else {
            screen.put(" no map in this view", x: rect.x, y: rect.y, foreground: RGB(150, 150, 150), maxWidth: rect.width)
            return
        }
        let low = formatValue(range.low).trimmingCharacters(in: .whitespaces)
        let high = formatValue(range.high).trimmingCharacters(in: .whitespaces)
        let extra = drawn.map { "  values \(formatValue($0.low).trimmingCharacters(in: .whitespaces)) .. \(formatValue($0.high).trimmingCharacters(in: .whitespaces))" } ?? ""
        let barWidth = max(4, min(48, rect.width - low.count - high.count - extra.count - 4))
        screen.put(" \(low) ", x: rect.x, y: rect.y)
        let barX = rect.x + low.count + 2
        for i in 0..<barWidth {
            screen[barX + i, rect.y] = Cell("█", foreground: colormap.color(Float(i) / Float(max(1, barWidth - 1))))
        }
        screen.put(" \(high)\(extra)", x: barX + barWidth, y: rect.y, maxWidth: rect.maxX - barX - barWidth)
    }
}
