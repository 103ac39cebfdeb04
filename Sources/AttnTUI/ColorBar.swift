// ColorBar: the colormap as a gradient between the two ends of the value range actually used,
// with the drawn values' own minimum and maximum beside it.

enum ColorBar {
    static func draw(into screen: inout Screen, rect: Rect, range: ValueRange?, drawn: ValueRange?, colormap: Colormap) {
        guard let range else {
            screen.put(" no map in this view", x: rect.x, y: rect.y, foreground: RGB(150, 150, 150), maxWidth: rect.width)
            return
        }
        let low = compactValue(range.low)
        let high = compactValue(range.high)
        let extra = drawn.map { "  values \(compactValue($0.low)) .. \(compactValue($0.high))" } ?? ""
        let barWidth = max(4, min(48, rect.width - low.count - high.count - extra.count - 4))
        screen.put(" \(low) ", x: rect.x, y: rect.y)
        let barX = rect.x + low.count + 2
        for i in 0..<barWidth {
            screen[barX + i, rect.y] = Cell("█", foreground: colormap.color(Float(i) / Float(max(1, barWidth - 1))))
        }
        screen.put(" \(high)\(extra)", x: barX + barWidth, y: rect.y, maxWidth: rect.maxX - barX - barWidth)
    }
}
