// PhasesDrawing: SPD's view: the selected channel's four phase images, in the order the output
// concatenates them, each labelled with its output channel.
import AttnEngine

extension Frame {
    func drawPhases(into screen: inout Screen, _ body: Rect, output: Tensor, channels: Int) -> DrawnView {
        let c = min(state.channel, channels - 1)
        let planes = ViewValues.phases(output, channels: channels, channel: c)
        let scale = ViewValues.phasesScale(output, planes: planes, state.normalization)
        let halfW = body.width / 2, halfH = body.height / 2
        for (i, plane) in planes.enumerated() {
            let cell = Rect(x: body.x + (i % 2) * halfW, y: body.y + (i / 2) * halfH, width: halfW - 1, height: halfH)
            screen.put("\(i * channels + c): \(ViewValues.phaseNames[i])", x: cell.x, y: cell.y, foreground: RGB(170, 170, 170),
                       maxWidth: cell.width)
            let area = Rect(x: cell.x, y: cell.y + 1, width: cell.width, height: cell.height - 1)
            let fit = ImageCanvas.fit(imageWidth: plane.shape[1], imageHeight: plane.shape[0], in: area)
            ImageCanvas.heatmap(into: &screen, rect: fit.rect, values: plane, range: scale.range, colormap: state.colormap)
        }
        return DrawnView(scales: [(nil, scale)],
                         readout: "output channels \(c), \(channels + c), \(2 * channels + c), \(3 * channels + c)")
    }
}
