// BarsDrawing: a per-channel vector in the main area: every channel as a column from the zero
// line (channels binned by their mean where there are more than columns), the selected one
// marked, the axis labelled; its exact values are listed beside.

extension Frame {
    static let lowerEighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func drawBarsMain(into screen: inout Screen, _ body: Rect, title: String, values: [Float]) -> DrawnView {
        let range = ViewValues.barRange(values, state.normalization)
        let axis = ViewValues.barAxis(range)
        let labels = [compactValue(axis.high), compactValue(axis.low), "0"]
        let margin = (labels.map(\.count).max() ?? 1) + 1
        let plot = Rect(x: body.x + margin, y: body.y, width: max(1, body.width - margin), height: max(1, body.height - 2))
        let perColumn = max(1, (values.count + plot.width - 1) / plot.width)
        let columns = (values.count + perColumn - 1) / perColumn
        let span = axis.high - axis.low
        /// Eighths of a cell above the plot's bottom edge.
        func level(_ v: Float) -> Int {
            span > 0 ? Int(((min(max(v, axis.low), axis.high) - axis.low) / span * Float(plot.height * 8)).rounded()) : 0
        }
        let zero = level(0)
        let background = Screen.defaultBackground
        for column in 0..<columns {
            let bin = Array(values[(column * perColumn)..<min(values.count, (column + 1) * perColumn)])
            let v = bin.reduce(0, +) / Float(bin.count)
            let (from, to) = v >= 0 ? (zero, max(level(v), zero + (v > 0 ? 1 : 0))) : (level(v), zero)
            let color = state.colormap.color(range.unit(v))
            let x = plot.x + column
            for row in 0..<plot.height {
                let (cellLow, cellHigh) = (row * 8, row * 8 + 8)
                let (a, b) = (max(from, cellLow), min(to, cellHigh))
                guard a < b else { continue }
                let y = plot.maxY - 1 - row
                if a == cellLow {
                    screen[x, y] = Cell(Self.lowerEighths[b - a - 1], foreground: color, background: background)
                } else {
                    // The bar fills the top of the cell: its colour behind, the empty bottom drawn over it.
                    screen[x, y] = Cell(Self.lowerEighths[a - cellLow - 1], foreground: background, background: color)
                }
            }
        }
        let zeroRow = plot.maxY - 1 - min(plot.height - 1, zero / 8)
        if axis.low < 0 {
            for x in plot.x..<(plot.x + columns) where screen[x, zeroRow].character == " " {
                screen[x, zeroRow] = Cell("─", foreground: RGB(120, 120, 120))
            }
            screen.put("0", x: body.x, y: zeroRow, foreground: RGB(150, 150, 150))
        }
        screen.put(labels[0], x: body.x, y: plot.y, foreground: RGB(150, 150, 150))
        screen.put(labels[1], x: body.x, y: plot.maxY - 1, foreground: RGB(150, 150, 150))
        let selected = min(state.channel, values.count - 1) / perColumn
        screen.put("^", x: plot.x + selected, y: plot.maxY, foreground: .white, bold: true)
        let first = "0", last = "\(values.count - 1)"
        screen.put(first, x: plot.x, y: plot.maxY + 1, foreground: RGB(150, 150, 150))
        if columns > first.count + last.count { screen.put(last, x: plot.x + columns - last.count, y: plot.maxY + 1, foreground: RGB(150, 150, 150)) }
        let c = min(state.channel, values.count - 1)
        let rank = ViewValues.sortedChannels(values).firstIndex(of: c).map { $0 + 1 } ?? 0
        var readout = "\(view.channelLabel(c)): \(compactValue(values[c])) (rank \(rank) of \(values.count))"
        if perColumn > 1 { readout += "; a column is the mean of \(perColumn) channels" }
        return DrawnView(scales: [(nil, ViewScale(range: range, drawn: ValueRange(of: values)))], readout: readout,
                         sideUsed: drawSideBars(into: &screen, title: title, values: values))
    }
}
