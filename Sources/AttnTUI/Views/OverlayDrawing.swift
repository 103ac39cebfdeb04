// OverlayDrawing: a plane over the image (a spatial gate, a channel's plane, the mean over
// channels), the cursor on it, and for a plane with a channel vector beside it, that list.
import AttnEngine

extension Frame {
    func drawOverlay(into screen: inout Screen, _ body: Rect, plane: Tensor, whole: [Float],
                     bars: (title: String, values: [Float])?) -> DrawnView {
        let scale = ViewValues.overlayScale(plane: plane, whole: whole, state.normalization)
        let fit = ImageCanvas.fit(imageWidth: model.preview.width, imageHeight: model.preview.height, in: body)
        let pixels = ImageCanvas.upsample(plane, width: fit.pixelWidth, height: fit.pixelHeight).map(scale.range.unit)
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.preview, overlay: pixels, colormap: state.colormap, alpha: state.overlay)
        let (h, w) = (plane.shape[0], plane.shape[1])
        let cell = cursorCell
        let (row, column) = (min(h - 1, cell.row * h / layer.feature.shape[2]), min(w - 1, cell.column * w / layer.feature.shape[3]))
        drawCursor(into: &screen, fit: fit, row: row, column: column, h: h, w: w)
        var drawn = DrawnView(scales: [(nil, scale)], readout: "at row \(row), col \(column): \(compactValue(plane.data[row * w + column]))")
        if let bars { drawn.sideUsed = drawSideBars(into: &screen, title: bars.title, values: bars.values) }
        return drawn
    }

    func drawCursor(into screen: inout Screen, fit: (rect: Rect, pixelWidth: Int, pixelHeight: Int), row: Int, column: Int, h: Int, w: Int) {
        let px = min(fit.pixelWidth - 1, Int((Float(column) + 0.5) / Float(w) * Float(fit.pixelWidth)))
        let py = min(fit.pixelHeight - 1, Int((Float(row) + 0.5) / Float(h) * Float(fit.pixelHeight)))
        let x = fit.rect.x + px, y = fit.rect.y + py / 2
        let under = screen[x, y]
        screen[x, y] = Cell("+", foreground: .white, background: py % 2 == 0 ? under.foreground : under.background, bold: true)
    }

    /// The side panel's list of channel values; returns the rows used.
    func drawSideBars(into screen: inout Screen, title: String, values: [Float]) -> Int {
        let rows = max(2, layout.side.height - 7)
        BarList.draw(into: &screen, rect: Rect(x: layout.side.x, y: layout.side.y, width: layout.side.width, height: rows),
                     title: title, values: values, selected: state.channel, sorted: state.sorted,
                     range: ViewValues.barRange(values, state.normalization), colormap: state.colormap)
        return rows
    }
}
