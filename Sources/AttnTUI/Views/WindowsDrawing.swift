// WindowsDrawing: ACmix's view: the selected head's k x k attention window of the cursor's
// position over the image (outside the window, the image), and every head's window beside.
import AttnEngine

extension Frame {
    func drawWindows(into screen: inout Screen, _ body: Rect, attention: Tensor, kernel: Int, rates: [Float]) -> DrawnView {
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
        let fit = ImageCanvas.fit(imageWidth: model.preview.width, imageHeight: model.preview.height, in: body)
        // Nearest sampling: each window cell covers exactly its feature-map cell; outside it, the image.
        var pixels = [Float](repeating: .nan, count: fit.pixelWidth * fit.pixelHeight)
        for py in 0..<fit.pixelHeight {
            for px in 0..<fit.pixelWidth {
                let v = window[min(h - 1, py * h / fit.pixelHeight) * w + min(w - 1, px * w / fit.pixelWidth)]
                pixels[py * fit.pixelWidth + px] = v.isNaN ? .nan : scale.range.unit(v)
            }
        }
        ImageCanvas.draw(into: &screen, rect: fit.rect, pixelWidth: fit.pixelWidth, pixelHeight: fit.pixelHeight,
                         image: model.preview, overlay: pixels, colormap: state.colormap, alpha: max(state.overlay, 0.35))
        drawCursor(into: &screen, fit: fit, row: row, column: column, h: h, w: w)
        let side = SidePanels.attentionWindows(
            into: &screen, rect: layout.side, attention: attention, kernel: kernel, rates: rates, row: row, column: column,
            selectedHead: head, colormap: state.colormap)
        return DrawnView(scales: [(nil, scale)],
                         readout: "head \(head) at row \(row), col \(column): centre weight \(compactValue(weights[kernel * kernel / 2]))",
                         sideUsed: side)
    }
}
