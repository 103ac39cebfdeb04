// HelpOverlay: every key, in a box over the screen (`?`; any key closes it).

enum HelpOverlay {
    static let lines = [
        "attnview keys",
        "",
        "[ ]  PgUp PgDn   previous / next layer",
        "{ }  Home End    previous / next stage; first / last",
        "/ text Enter     list only the layers named ...text...",
        "Tab  Shift-Tab   next / previous view of the layer",
        "+ -  g 123 Enter next / previous channel; go to 123",
        "arrows  h j k l  move the cursor over the map",
        "s                sort the bars by value",
        "c                colormap (viridis, magma, inferno,",
        "                 plasma, turbo, jet, gray)",
        "n                normalisation (per map, per layer, raw)",
        "o                overlay strength over the image",
        "e                export this view as a PNG",
        "?                this help (any key closes it)",
        "q                quit",
    ]

    /// The lines that fit in `rows`: on short screens without the blank line and with the
    /// colormaps on one line, then without lines from the middle, so that "q quit" always shows.
    static func visibleLines(rows: Int) -> [String] {
        guard lines.count > rows else { return lines }
        let compact = lines.filter { !$0.isEmpty && !$0.hasPrefix(" ") }
            .map { $0.hasPrefix("c ") ? "c                colormap (viridis ... gray)" : $0 }
        guard compact.count > rows, rows >= 2 else { return Array(compact.prefix(max(0, rows))) }
        return Array(compact.prefix(rows - 1)) + [compact.last!]
    }

    static func draw(into screen: inout Screen) {
        let width = min(screen.width - 2, (lines.map(\.count).max() ?? 0) + 4)
        let height = min(screen.height - 2, lines.count + 2)
        let x = (screen.width - width) / 2, y = (screen.height - height) / 2
        let box = RGB(30, 30, 45)
        screen.fill(x: x, y: y, width: width, height: height, with: Cell(" ", background: box))
        for (i, line) in visibleLines(rows: height - 2).enumerated() {
            screen.put(line, x: x + 2, y: y + 1 + i, foreground: i == 0 ? .white : Screen.defaultForeground,
                       background: box, bold: i == 0, maxWidth: width - 3)
        }
    }
}
