// StripsDrawing: CoordAtt's view: the selected channel's a_h as a strip left of the image, a_w
// below it, and their product over the image, the strips and the product each on its own scale
// (one colour bar each), so that neither flattens the other.
import AttnEngine

extension Frame {
    func drawStrips(into screen: inout Screen, _ body: Rect, h: Tensor, w: Tensor) -> DrawnView {
        let (rows, columns) = (h.shape[1], w.shape[1])
        let (ah, aw, product) = ViewValues.strips(h: h, w: w, channel: state.channel)
        let scales = ViewValues.stripsScales(h: h, w: w, channel: state.channel, state.normalization)
        // A row above for the "a_h" label (the heading is right above the body), two below for a_w.
        let inner = Rect(x: body.x + 3, y: body.y + 1, width: body.width - 3, height: body.height - 3)
        let fit = ImageCanvas.fit(imageWidth: model.preview.width, imageHeight: model.preview.height, in: inner)
        let pixels = ImageCanvas.upsample(product, width: fit.pixelWidth, height: fit.pixelHeight).map(scales.product.range.unit)
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.preview, overlay: pixels, colormap: state.colormap, alpha: state.overlay)
        let strip = scales.strips.range
        let left = ImageCanvas.upsample(Tensor(shape: [rows, 1], data: ah), width: 1, height: fit.pixelHeight)
        for y in 0..<fit.rect.height {
            let top = state.colormap.color(strip.unit(left[2 * y]))
            let bottom = 2 * y + 1 < fit.pixelHeight ? state.colormap.color(strip.unit(left[2 * y + 1])) : Screen.defaultBackground
            for x in (fit.rect.x - 3)..<(fit.rect.x - 1) { screen[x, fit.rect.y + y] = Cell("▀", foreground: top, background: bottom) }
        }
        let below = ImageCanvas.upsample(Tensor(shape: [1, columns], data: aw), width: fit.pixelWidth, height: 1)
        for x in 0..<fit.pixelWidth {
            screen[fit.rect.x + x, fit.rect.maxY + 1] = Cell("█", foreground: state.colormap.color(strip.unit(below[x])))
        }
        screen.put("a_h", x: fit.rect.x - 3, y: fit.rect.y - 1, foreground: RGB(150, 150, 150))
        screen.put("a_w", x: fit.rect.x - 3, y: fit.rect.maxY + 1, foreground: RGB(150, 150, 150))
        let cell = cursorCell
        let (r, c) = (min(rows - 1, cell.row), min(columns - 1, cell.column))
        drawCursor(into: &screen, fit: fit, row: r, column: c, h: rows, w: columns)
        return DrawnView(scales: [("a_h, a_w", scales.strips), ("a_h x a_w", scales.product)],
                         readout: "a_h[\(r)] \(compactValue(ah[r])), a_w[\(c)] \(compactValue(aw[c])), product \(compactValue(ah[r] * aw[c]))")
    }
}
