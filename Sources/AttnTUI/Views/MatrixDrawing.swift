// MatrixDrawing: a channel-by-position heatmap not tied to the image (CoordAtt's a_h and a_w,
// Triplet's cw and hc), with a gutter marking the selected channel's row or column.
import AttnEngine

extension Frame {
    func drawMatrix(into screen: inout Screen, _ body: Rect, values: Tensor, channelAxisIsRows: Bool) -> DrawnView {
        let scale = ViewValues.matrixScale(values, state.normalization)
        let area = channelAxisIsRows
            ? Rect(x: body.x + 1, y: body.y, width: body.width - 1, height: body.height)
            : Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        ImageCanvas.heatmap(into: &screen, rect: area, values: values, range: scale.range, colormap: state.colormap)
        let count = channelAxisIsRows ? values.shape[0] : values.shape[1]
        if channelAxisIsRows {
            let y = area.y + min(area.height - 1, state.channel * area.height * 2 / count / 2)
            screen.put(">", x: body.x, y: y, foreground: .white, bold: true)
        } else {
            let x = area.x + min(area.width - 1, state.channel * area.width / count)
            screen.put("v", x: x, y: body.y, foreground: .white, bold: true)
        }
        let (rows, columns) = (values.shape[0], values.shape[1])
        let row = channelAxisIsRows ? min(state.channel, rows - 1) : min(rows - 1, cursorCell.row)
        let column = channelAxisIsRows ? min(columns - 1, cursorCell.column) : min(state.channel, columns - 1)
        return DrawnView(scales: [(nil, scale)],
                         readout: "\(rows)x\(columns); [\(row), \(column)] = \(compactValue(values.data[row * columns + column]))")
    }
}
