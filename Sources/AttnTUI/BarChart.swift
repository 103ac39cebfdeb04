// BarChart: a per-channel vector as horizontal bars with channel numbers and values, either in
// channel order around the selected channel or sorted (the top channels first). Bars use eighth
// blocks for sub-cell length and the colormap for their colour.
import Foundation

enum BarChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Which channels appear, top to bottom, in `rows` rows.
    static func visibleChannels(values: [Float], selected: Int, sorted: Bool, rows: Int) -> [Int] {
        guard rows > 0, !values.isEmpty else { return [] }
        if sorted {
            return Array(ViewValues.sortedChannels(values).prefix(rows))
        }
        let start = min(max(0, selected - rows / 2), max(0, values.count - rows))
        return Array(start..<min(values.count, start + rows))
    }

    static func draw(
        into screen: inout Screen, rect: Rect, title: String, values: [Float], selected: Int, sorted: Bool,
        range: ValueRange, colormap: Colormap
    ) {
        guard rect.height >= 2 else { return }
        screen.put("\(title)\(sorted ? ", sorted" : "")", x: rect.x, y: rect.y, bold: true, maxWidth: rect.width)
        let numberWidth = max(3, String(values.count - 1).count)
        let valueWidth = 7
        let barWidth = max(1, rect.width - numberWidth - valueWidth - 2)
        for (row, channel) in visibleChannels(values: values, selected: selected, sorted: sorted, rows: rect.height - 1).enumerated() {
            let y = rect.y + 1 + row
            let isSelected = channel == selected
            let background = isSelected ? RGB(60, 60, 90) : Screen.defaultBackground
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, with: Cell(" ", background: background))
            let number = String(channel)
            screen.put(String(repeating: " ", count: numberWidth - number.count) + number, x: rect.x, y: y,
                       foreground: isSelected ? .white : RGB(150, 150, 150), background: background, bold: isSelected)
            let t = range.unit(values[channel])
            let eighthsLong = Int((t * Float(barWidth * 8)).rounded())
            let color = colormap.color(t)
            var bar = String(repeating: "█", count: eighthsLong / 8)
            if eighthsLong % 8 > 0 { bar.append(eighths[eighthsLong % 8 - 1]) }
            screen.put(bar, x: rect.x + numberWidth + 1, y: y, foreground: color, background: background)
            let value = compactValue(values[channel])
            screen.put(String(repeating: " ", count: max(0, valueWidth - value.count)) + value,
                       x: rect.maxX - valueWidth, y: y, background: background)
        }
    }
}

/// A value for panels: three decimals, or scientific notation where those would not show it.
public func compactValue(_ v: Float) -> String {
    if !v.isFinite { return "\(v)" }
    if abs(v) >= 1000 || (abs(v) < 0.001 && v != 0) { return String(format: "%.1e", v) }
    return String(format: "%.3f", v)
}
