// UnavailableDrawing: a layer the block cannot run on (its size): why, and where to look instead.

extension Frame {
    func drawUnavailable(into screen: inout Screen, _ body: Rect, reason: String) -> DrawnView {
        screen.put("\(layer.block) cannot run on \(layer.name):", x: body.x + 1, y: body.y + 1, foreground: RGB(230, 140, 140),
                   maxWidth: body.width - 1)
        let lines = wrap(reason, width: max(10, body.width - 2))
        for (i, line) in lines.enumerated() where body.y + 2 + i < body.maxY {
            screen.put(line, x: body.x + 1, y: body.y + 2 + i, maxWidth: body.width - 1)
        }
        screen.put("Tab shows its input feature.", x: body.x + 1, y: min(body.maxY - 1, body.y + 4 + lines.count),
                   foreground: RGB(150, 150, 150), maxWidth: body.width - 1)
        return DrawnView()
    }
}

/// Splits text into lines of at most `width` characters at spaces.
func wrap(_ text: String, width: Int) -> [String] {
    var lines = [String](), line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
