// SidePanels: the right-hand panel's other contents: ACmix's attention windows at the cursor,
// and the backbone's ImageNet top-5.
import AttnEngine
import AttnModels
import Foundation

enum SidePanels {
    /// Each head's k x k window of attention weights at feature position (row, column), as small
    /// heatmaps, two per row, then the two rates. Returns the rows used.
    static func attentionWindows(
        into screen: inout Screen, rect: Rect, attention: Tensor, kernel: Int, rates: [Float], row: Int, column: Int,
        selectedHead: Int, colormap: Colormap
    ) -> Int {
        let heads = attention.shape[0]
        screen.put("attention at row \(row), col \(column)", x: rect.x, y: rect.y, bold: true, maxWidth: rect.width)
        let gridRows = (kernel + 1) / 2
        var y = rect.y + 1
        let perRow = max(1, min(heads, rect.width / (kernel + 2)))
        for first in stride(from: 0, to: heads, by: perRow) {
            guard y + gridRows + 1 <= rect.maxY else { break }
            for head in first..<min(heads, first + perRow) {
                let x = rect.x + (head - first) * (kernel + 2)
                screen.put("h\(head)", x: x, y: y, foreground: head == selectedHead ? .white : RGB(150, 150, 150),
                           bold: head == selectedHead)
                let window = ViewValues.window(attention, kernel: kernel, head: head, row: row, column: column)
                let values = Tensor(shape: [kernel, kernel], data: window)
                ImageCanvas.heatmap(into: &screen, rect: Rect(x: x, y: y + 1, width: kernel, height: gridRows),
                                    values: values, range: ValueRange(of: window), colormap: colormap)
            }
            y += gridRows + 1
        }
        if rates.count == 2 && y < rect.maxY {
            screen.put(String(format: "rate1 (attention) %.3f", rates[0]), x: rect.x, y: y, maxWidth: rect.width)
            screen.put(String(format: "rate2 (convolution) %.3f", rates[1]), x: rect.x, y: y + 1, maxWidth: rect.width)
            y += 2
        }
        return y - rect.y
    }

    static func topClasses(into screen: inout Screen, rect: Rect, run: NetworkTrace) {
        guard rect.height >= 2 else { return }
        let network = run.network == NetworkRegistry.defaultName ? "Lite0" : run.network
        let classes = run.classNames == ImageNetClasses.names ? "ImageNet top-5" : "top-5"
        screen.put("\(classes) (\(network))", x: rect.x, y: rect.y, bold: true, maxWidth: rect.width)
        for (i, p) in run.top(min(5, rect.height - 1)).enumerated() {
            screen.put(String(format: "%.3f ", p.probability) + p.name, x: rect.x, y: rect.y + 1 + i, maxWidth: rect.width)
        }
    }
}
