// GridPainter: figures of maps that are not laid over the image, drawn as enlarged cells
// (nearest, so every cell of the map stays one flat square): CoordAtt's and Triplet's
// channel-by-position matrices, ACmix's k x k attention windows of one pixel for every head,
// and SPD's four phase images of one channel.
import AttnEngine
import AttnTUI

enum GridPainter {
    /// Narrow figures are widened to this, so the caption under them stays readable.
    static let minimumWidth = 320

    /// Enlarges each cell to an integer size that brings the matrix towards 512 pixels a side.
    static func cellSize(_ cells: Int) -> Int { max(1, min(24, 512 / max(1, cells))) }

    static func matrix(_ values: Tensor, range: ValueRange, colormap: Colormap) -> Canvas {
        let (rows, columns) = (values.shape[0], values.shape[1])
        let (cw, ch) = (cellSize(columns), cellSize(rows))
        let width = max(minimumWidth, columns * cw)
        var canvas = Canvas(width: width, height: rows * ch, background: PictureBand.background)
        paintCells(values.data, rows: rows, columns: columns, into: &canvas, x: (width - columns * cw) / 2, y: 0,
                   cellWidth: cw, cellHeight: ch, range: range, colormap: colormap)
        return canvas
    }

    static let windowCell = 24, gap = 16, margin = 12

    /// Every head's window side by side (four to a row), each labelled, the selected head in ink.
    static func windows(_ windows: [[Float]], kernel: Int, selected: Int, range: ValueRange, colormap: Colormap) -> Canvas {
        let side = kernel * windowCell
        let perRow = min(4, windows.count)
        let rows = (windows.count + perRow - 1) / perRow
        let labelHeight = BitmapFont.glyphHeight + 4
        let width = max(minimumWidth, 2 * margin + perRow * side + (perRow - 1) * gap)
        let height = 2 * margin + rows * (labelHeight + side) + (rows - 1) * gap
        var canvas = Canvas(width: width, height: height, background: PictureBand.background)
        for (head, window) in windows.enumerated() {
            let x = margin + (head % perRow) * (side + gap), y = margin + (head / perRow) * (labelHeight + side + gap)
            canvas.text("head \(head)", x: x, y: y, scale: 1, head == selected ? PictureBand.ink : PictureBand.faint)
            paintCells(window, rows: kernel, columns: kernel, into: &canvas, x: x, y: y + labelHeight,
                       cellWidth: windowCell, cellHeight: windowCell, range: range, colormap: colormap)
        }
        return canvas
    }

    /// The four phases in a 2 x 2 grid, each enlarged to about half the image's width.
    static func phases(_ planes: [Tensor], labels: [String], imageWidth: Int, range: ValueRange, colormap: Colormap) -> Canvas {
        let (h, w) = (planes[0].shape[0], planes[0].shape[1])
        let cell = max(1, min(64, imageWidth / 2 / max(1, w)))
        let labelHeight = BitmapFont.glyphHeight + 4
        let (panelW, panelH) = (w * cell, h * cell)
        let width = max(minimumWidth, 2 * margin + 2 * panelW + gap)
        var canvas = Canvas(width: width, height: 2 * margin + 2 * (labelHeight + panelH) + gap, background: PictureBand.background)
        for (i, plane) in planes.enumerated() {
            let x = margin + (i % 2) * (panelW + gap), y = margin + (i / 2) * (labelHeight + panelH + gap)
            canvas.text(labels[i], x: x, y: y, scale: 1, PictureBand.ink)
            paintCells(plane.data, rows: h, columns: w, into: &canvas, x: x, y: y + labelHeight,
                       cellWidth: cell, cellHeight: cell, range: range, colormap: colormap)
        }
        return canvas
    }

    static func paintCells(_ values: [Float], rows: Int, columns: Int, into canvas: inout Canvas, x: Int, y: Int,
                           cellWidth: Int, cellHeight: Int, range: ValueRange, colormap: Colormap) {
        for r in 0..<rows {
            for c in 0..<columns {
                canvas.fill(x: x + c * cellWidth, y: y + r * cellHeight, width: cellWidth, height: cellHeight,
                            colormap.color(range.unit(values[r * columns + c])))
            }
        }
    }
}
