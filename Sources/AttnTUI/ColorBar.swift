// ColorBar: the colormap as a gradient between the two ends of the value range actually used,
// with the drawn values' own minimum and maximum beside it; a constant map says so instead of
// showing a made-up interval. A view with two scales (CoordAtt's strips and their product) gets
// two bars side by side, each labelled.

enum ColorBar {
    static func draw(into screen: inout Screen, rect: Rect, scales: [(label: String?, scale: ViewScale)], colormap: Colormap) {
        guard !scales.isEmpty else {
            screen.put(" no map in this view", x: rect.x, y: rect.y, foreground: RGB(150, 150, 150), maxWidth: rect.width)
            return
        }
        let width = rect.width / scales.count
        for (i, entry) in scales.enumerated() {
            draw(into: &screen, rect: Rect(x: rect.x + i * width, y: rect.y, width: width - (i < scales.count - 1 ? 1 : 0), height: 1),
                 label: entry.label, scale: entry.scale, colormap: colormap)
        }
    }

    static func draw(into screen: inout Screen, rect: Rect, label: String?, scale: ViewScale, colormap: Colormap) {
        var x = rect.x
        if let label {
            screen.put(" \(label):", x: x, y: rect.y, foreground: RGB(170, 170, 170), maxWidth: rect.width)
            x += label.count + 2
        }
        let range = scale.range
        if range.isConstant {
            let text = " constant \(compactValue(range.low)) "
            screen.put(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
            let barX = x + text.count
            for i in 0..<max(0, min(12, rect.maxX - barX)) { screen[barX + i, rect.y] = Cell("█", foreground: colormap.color(0.5)) }
            return
        }
        let low = compactValue(range.low), high = compactValue(range.high)
        let extra = scale.drawn != range ? "  values \(compactValue(scale.drawn.low)) .. \(compactValue(scale.drawn.high))" : ""
        let barWidth = max(4, min(48, rect.maxX - x - low.count - high.count - extra.count - 4))
        screen.put(" \(low) ", x: x, y: rect.y, maxWidth: rect.maxX - x)
        let barX = x + low.count + 2
        for i in 0..<barWidth where barX + i < rect.maxX {
            screen[barX + i, rect.y] = Cell("█", foreground: colormap.color(Float(i) / Float(max(1, barWidth - 1))))
        }
        screen.put(" \(high)\(extra)", x: barX + barWidth, y: rect.y, maxWidth: rect.maxX - barX - barWidth)
    }
}
