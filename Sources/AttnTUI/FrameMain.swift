// FrameMain: the main view and the side panel of each kind of view (see MapView).
import AttnEngine
import Foundation

extension Frame {
    mutating func drawMain(into screen: inout Screen, _ body: Rect) {
        if let (plane, whole) = ViewValues.imagePlane(view, channel: state.channel) {
            drawOverlay(into: &screen, body, plane: plane, whole: whole)
        }
        switch view.kind {
        case .overlay(_, _, let bars):
            if let bars { drawBars(into: &screen, title: bars.title, values: bars.values) }
        case .channelOverlay:
            break
        case .bars(let title, let values, _):
            drawBars(into: &screen, title: title, values: values)
        case .matrix(_, let values, _, _, let rows):
            drawMatrix(into: &screen, body, values: values, channelAxisIsRows: rows)
        case .coordinateStrips(let h, let w):
            drawStrips(into: &screen, body, h: h, w: w)
        case .attentionWindows(let attention, let kernel, let rates):
            drawAttention(into: &screen, body, attention: attention, kernel: kernel, rates: rates)
        case .phases(let output, let channels):
            drawPhases(into: &screen, body, output: output, channels: channels)
        case .unavailable(let reason):
            let text = "\(layer.block) cannot run on \(layer.name):"
            screen.put(text, x: body.x + 1, y: body.y + 1, foreground: RGB(230, 140, 140), maxWidth: body.width - 1)
            for (i, line) in wrap(reason, width: max(10, body.width - 2)).enumerated() where body.y + 2 + i < body.maxY {
                screen.put(line, x: body.x + 1, y: body.y + 2 + i, maxWidth: body.width - 1)
            }
            screen.put("Tab shows its input feature.", x: body.x + 1, y: min(body.maxY - 1, body.y + 4 + wrap(reason, width: max(10, body.width - 2)).count),
                       foreground: RGB(150, 150, 150), maxWidth: body.width - 1)
        }
    }

    /// The image with `plane` (H, W) blended over it, and the cursor.
    mutating func drawOverlay(into screen: inout Screen, _ body: Rect, plane: Tensor, whole: [Float]) {
        let scale = ViewValues.overlayScale(plane: plane, whole: whole, state.normalization)
        let r = scale.range
        range = r
        drawnRange = scale.drawn
        let fit = ImageCanvas.fit(imageWidth: model.image.width, imageHeight: model.image.height, in: body)
        let pixels = ImageCanvas.upsample(plane, width: fit.pixelWidth, height: fit.pixelHeight).map(r.unit)
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.image, overlay: pixels, colormap: state.colormap, alpha: state.overlay)
        let (h, w) = (plane.shape[0], plane.shape[1])
        let cell = cursorCell
        let (row, column) = (min(h - 1, cell.row * h / layer.feature.shape[2]), min(w - 1, cell.column * w / layer.feature.shape[3]))
        readout = "at row \(row), col \(column): \(compactValue(plane.data[row * w + column]))"
        drawCursor(into: &screen, fit: fit, row: row, column: column, h: h, w: w)
    }

    func drawCursor(into screen: inout Screen, fit: (rect: Rect, pixelWidth: Int, pixelHeight: Int), row: Int, column: Int, h: Int, w: Int) {
        let px = min(fit.pixelWidth - 1, Int((Float(column) + 0.5) / Float(w) * Float(fit.pixelWidth)))
        let py = min(fit.pixelHeight - 1, Int((Float(row) + 0.5) / Float(h) * Float(fit.pixelHeight)))
        let x = fit.rect.x + px, y = fit.rect.y + py / 2
        let under = screen[x, y]
        screen[x, y] = Cell("+", foreground: .white, background: py % 2 == 0 ? under.foreground : under.background, bold: true)
    }

    mutating func drawBars(into screen: inout Screen, title: String, values: [Float]) {
        let rows = max(2, layout.side.height - 7)
        let r = ViewValues.barRange(values, state.normalization)
        BarChart.draw(into: &screen, rect: Rect(x: layout.side.x, y: layout.side.y, width: layout.side.width, height: rows),
                      title: title, values: values, selected: state.channel, sorted: state.sorted, range: r, colormap: state.colormap)
        sideUsed = rows
    }

    mutating func drawMatrix(into screen: inout Screen, _ body: Rect, values: Tensor, channelAxisIsRows: Bool) {
        let scale = ViewValues.matrixScale(values, state.normalization)
        let r = scale.range
        range = r
        drawnRange = scale.drawn
        // A one-cell gutter marks the selected channel's row or column.
        let area = channelAxisIsRows
            ? Rect(x: body.x + 1, y: body.y, width: body.width - 1, height: body.height)
            : Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        ImageCanvas.heatmap(into: &screen, rect: area, values: values, range: r, colormap: state.colormap)
        let count = channelAxisIsRows ? values.shape[0] : values.shape[1]
        if channelAxisIsRows {
            let y = area.y + min(area.height - 1, state.channel * area.height * 2 / count / 2)
            screen.put(">", x: body.x, y: y, foreground: .white, bold: true)
        } else {
            let x = area.x + min(area.width - 1, state.channel * area.width / count)
            screen.put("v", x: x, y: body.y, foreground: .white, bold: true)
        }
        let (rows, columns) = (values.shape[0], values.shape[1])
        let row = channelAxisIsRows ? state.channel : min(rows - 1, cursorCell.row)
        let column = channelAxisIsRows ? min(columns - 1, cursorCell.column) : state.channel
        readout = "\(rows)x\(columns); [\(row), \(column)] = \(compactValue(values.data[row * columns + column]))"
    }

    /// CoordAtt: a_h[c] as a strip left of the image, a_w[c] below it, a_h x a_w over it.
    mutating func drawStrips(into screen: inout Screen, _ body: Rect, h: Tensor, w: Tensor) {
        let (rows, columns) = (h.shape[1], w.shape[1])
        let (ah, aw, product) = ViewValues.strips(h: h, w: w, channel: state.channel)
        // A row above for the "a_h" label (the heading is right above the body), two below for a_w.
        let inner = Rect(x: body.x + 3, y: body.y + 1, width: body.width - 3, height: body.height - 3)
        let scale = ViewValues.stripsScale(h: h, w: w, channel: state.channel, state.normalization)
        let r = scale.range
        range = r
        drawnRange = scale.drawn
        let fit = ImageCanvas.fit(imageWidth: model.image.width, imageHeight: model.image.height, in: inner)
        let pixels = ImageCanvas.upsample(product, width: fit.pixelWidth, height: fit.pixelHeight).map(r.unit)
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.image, overlay: pixels, colormap: state.colormap, alpha: state.overlay)
        let left = ImageCanvas.upsample(Tensor(shape: [rows, 1], data: ah), width: 1, height: fit.pixelHeight)
        for y in 0..<fit.rect.height {
            let top = state.colormap.color(r.unit(left[2 * y]))
            let bottom = 2 * y + 1 < fit.pixelHeight ? state.colormap.color(r.unit(left[2 * y + 1])) : Screen.defaultBackground
            for x in (fit.rect.x - 3)..<(fit.rect.x - 1) { screen[x, fit.rect.y + y] = Cell("▀", foreground: top, background: bottom) }
        }
        let below = ImageCanvas.upsample(Tensor(shape: [1, columns], data: aw), width: fit.pixelWidth, height: 1)
        for x in 0..<fit.pixelWidth {
            screen[fit.rect.x + x, fit.rect.maxY + 1] = Cell("█", foreground: state.colormap.color(r.unit(below[x])))
        }
        screen.put("a_h", x: fit.rect.x - 3, y: fit.rect.y - 1, foreground: RGB(150, 150, 150))
        screen.put("a_w", x: fit.rect.x - 3, y: fit.rect.maxY + 1, foreground: RGB(150, 150, 150))
        let cell = cursorCell
        readout = "a_h[\(cell.row)] \(compactValue(ah[min(rows - 1, cell.row)])), "
            + "a_w[\(cell.column)] \(compactValue(aw[min(columns - 1, cell.column)]))"
        drawCursor(into: &screen, fit: fit, row: min(rows - 1, cell.row), column: min(columns - 1, cell.column), h: rows, w: columns)
    }

    /// ACmix: the selected head's window over the image at the cursor; every head's window beside.
    mutating func drawAttention(into screen: inout Screen, _ body: Rect, attention: Tensor, kernel: Int, rates: [Float]) {
        let (heads, _, h, w) = (attention.shape[0], attention.shape[1], attention.shape[2], attention.shape[3])
        let head = min(state.channel, heads - 1)
        let (row, column) = cursorCell
        var window = [Float](repeating: .nan, count: h * w)
        let weights = ViewValues.window(attention, kernel: kernel, head: head, row: row, column: column)
        for (k, value) in weights.enumerated() {
            let (r, c) = (row + k / kernel - kernel / 2, column + k % kernel - kernel / 2)
            if r >= 0 && r < h && c >= 0 && c < w { window[r * w + c] = value }
        }
        let scale = ViewValues.windowScale(attention, weights: weights, state.normalization)
        let r = scale.range
        range = r
        drawnRange = scale.drawn
        let fit = ImageCanvas.fit(imageWidth: model.image.width, imageHeight: model.image.height, in: body)
        // Nearest sampling: each window cell covers exactly its feature-map cell; outside it, the image.
        var pixels = [Float](repeating: .nan, count: fit.pixelWidth * fit.pixelHeight)
        for py in 0..<fit.pixelHeight {
            for px in 0..<fit.pixelWidth {
                let v = window[min(h - 1, py * h / fit.pixelHeight) * w + min(w - 1, px * w / fit.pixelWidth)]
                pixels[py * fit.pixelWidth + px] = v.isNaN ? .nan : r.unit(v)
            }
        }
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.image, overlay: pixels, colormap: state.colormap, alpha: max(state.overlay, 0.35))
        drawCursor(into: &screen, fit: fit, row: row, column: column, h: h, w: w)
        sideUsed = SidePanels.attentionWindows(
            into: &screen, rect: layout.side, attention: attention, kernel: kernel, rates: rates, row: row, column: column,
            selectedHead: head, colormap: state.colormap)
        readout = "head \(head) at row \(row), col \(column): centre weight \(compactValue(weights[kernel * kernel / 2]))"
    }

    /// SPD: the selected channel's four phases, in the order the output concatenates them.
    mutating func drawPhases(into screen: inout Screen, _ body: Rect, output: Tensor, channels: Int) {
        let c = min(state.channel, channels - 1)
        let names = ViewValues.phaseNames
        let planes = ViewValues.phases(output, channels: channels, channel: c)
        let scale = ViewValues.phasesScale(output, planes: planes, state.normalization)
        let r = scale.range
        range = r
        drawnRange = scale.drawn
        let halfW = body.width / 2, halfH = body.height / 2
        for (i, plane) in planes.enumerated() {
            let cell = Rect(x: body.x + (i % 2) * halfW, y: body.y + (i / 2) * halfH, width: halfW - 1, height: halfH)
            screen.put("\(i * channels + c): \(names[i])", x: cell.x, y: cell.y, foreground: RGB(170, 170, 170), maxWidth: cell.width)
            let area = Rect(x: cell.x, y: cell.y + 1, width: cell.width, height: cell.height - 1)
            let fit = ImageCanvas.fit(imageWidth: plane.shape[1], imageHeight: plane.shape[0], in: area)
            ImageCanvas.heatmap(into: &screen, rect: fit.rect, values: plane, range: r, colormap: state.colormap)
        }
        readout = "output channels \(c), \(channels + c), \(2 * channels + c), \(3 * channels + c)"
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
