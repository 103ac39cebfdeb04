// BarList: the side panel's list of a per-channel vector: channel number, bar, value, one channel
// a row, in channel order or by value (`s`), scrolled so that the selected channel shows. Bars
// start at zero: a gate of 0.14 draws 0.14 of the axis, and a signed vector's bars go left and
// right of a zero line. Eighth blocks give sub-cell lengths.

enum BarList {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Which channels appear, top to bottom, in `rows` rows: a window of the order (channel
    /// order, or by value) that holds the selected channel.
    static func visibleChannels(values: [Float], selected: Int, sorted: Bool, rows: Int) -> [Int] {
        guard rows > 0, !values.isEmpty else { return [] }
        let order = sorted ? ViewValues.sortedChannels(values) : Array(values.indices)
        let at = order.firstIndex(of: selected) ?? 0
        let start = sorted && at < rows ? 0 : min(max(0, at - rows / 2), max(0, order.count - rows))
        return Array(order[start..<min(order.count, start + rows)])
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
        let axis = ViewValues.barAxis(range)
        let span = axis.high - axis.low
        // The zero line sits on a cell boundary, so both directions start from whole cells.
        let zero = span > 0 ? Int((Float(barWidth) * (0 - axis.low) / span).rounded()) : 0
        let left = rect.x + numberWidth + 1
        for (row, channel) in visibleChannels(values: values, selected: selected, sorted: sorted, rows: rect.height - 1).enumerated() {
            let y = rect.y + 1 + row
            let isSelected = channel == selected
            let background = isSelected ? RGB(60, 60, 90) : Screen.defaultBackground
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, with: Cell(" ", background: background))
            let number = String(channel)
            screen.put(String(repeating: " ", count: numberWidth - number.count) + number, x: rect.x, y: y,
                       foreground: isSelected ? .white : RGB(150, 150, 150), background: background, bold: isSelected)
            let v = values[channel]
            let color = colormap.color(range.unit(v))
            let length = span > 0 && v.isFinite ? Int((abs(min(max(v, axis.low), axis.high)) / span * Float(barWidth * 8)).rounded()) : 0
            if v >= 0 {
                for i in 0..<(length / 8) { screen[left + zero + i, y] = Cell("█", foreground: color, background: background) }
                if length % 8 > 0 { screen[left + zero + length / 8, y] = Cell(eighths[length % 8 - 1], foreground: color, background: background) }
            } else {
                for i in 0..<(length / 8) { screen[left + zero - 1 - i, y] = Cell("█", foreground: color, background: background) }
                // A right-aligned part: the bar's colour behind, the empty left part drawn over it.
                if length % 8 > 0 {
                    screen[left + zero - 1 - length / 8, y] = Cell(eighths[8 - length % 8 - 1], foreground: background, background: color)
                }
            }
            // The zero line of a signed vector, where no bar covers it.
            if axis.low < 0, zero < barWidth, screen[left + zero, y].character == " " {
                screen[left + zero, y] = Cell("▏", foreground: RGB(120, 120, 120), background: background)
            }
            let value = compactValue(v)
            screen.put(String(repeating: " ", count: max(0, valueWidth - value.count)) + value,
                       x: rect.maxX - valueWidth, y: y, background: background)
        }
    }
}
