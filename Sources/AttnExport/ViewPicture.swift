// ViewPicture: the pixel renderer of a view, the twin of the TUI's cell renderer: the same view
// and state, drawn as a figure for a paper. A map over the image is drawn at the image's own
// resolution; bars become a chart, CoordAtt keeps its edge strips, ACmix shows each head's
// window at the cursor, SPD its four phases. Every figure ends with the band of PictureBand:
// the colour bar over the range the TUI shows and a caption saying what is drawn.
import AttnEngine
import AttnImaging
import AttnModels
import AttnTUI

public struct ViewPicture {
    public let image: RGBImage
    /// Rows of `image` above the band: the figure itself.
    public let figureHeight: Int
    public let caption: [String]
    /// The scales its colour bars show: one, or CoordAtt's two (strips, product).
    public let scales: [(label: String?, scale: ViewScale)]
    public var scale: ViewScale { scales[0].scale }

    /// The figure of the view `state` selects in `model`.
    public static func render(_ model: TUIModel, _ state: ViewState) throws(ExportError) -> ViewPicture {
        let view = model.view(state)
        let layer = model.run.layers[min(state.layer, model.run.layers.count - 1)]
        var caption = [model.imageName, model.run.block, layer.name, view.title]
        let figure: (canvas: Canvas, scales: [(label: String?, scale: ViewScale)])
        switch view.kind {
        case .overlay, .channelOverlay:
            let (plane, whole) = ViewValues.imagePlane(view, channel: state.channel)!
            if case .channelOverlay = view.kind { caption.append(view.channelLabel(state.channel)) }
            let scale = ViewValues.overlayScale(plane: plane, whole: whole, state.normalization)
            figure = (HeatmapPainter.overImage(plane, image: model.image, range: scale.range, state), [(nil, scale)])
        case .bars(_, let values, _):
            let range = ViewValues.barRange(values, state.normalization)
            let drawn = ValueRange(of: values)
            if state.sorted { caption.append("sorted") }
            figure = (ChartPainter.chart(values, range: range, state), [(nil, ViewScale(range: range, drawn: drawn))])
        case .coordinateStrips(let h, let w):
            caption.append(view.channelLabel(state.channel))
            let scales = ViewValues.stripsScales(h: h, w: w, channel: state.channel, state.normalization)
            figure = (HeatmapPainter.strips(h: h, w: w, image: model.image, scales: scales, state),
                      [("a_h, a_w", scales.strips), ("a_h x a_w", scales.product)])
        case .matrix(_, let values, let rowName, let columnName, _):
            caption.append("rows: \(rowName), columns: \(columnName)")
            let scale = ViewValues.matrixScale(values, state.normalization)
            figure = (GridPainter.matrix(values, range: scale.range, colormap: state.colormap), [(nil, scale)])
        case .attentionWindows(let attention, let kernel, let rates):
            let (row, column) = state.cursorCell(height: attention.shape[2], width: attention.shape[3])
            caption.append("at row \(row), col \(column)")
            if rates.count == 2 { caption.append("rate1 \(compactValue(rates[0])), rate2 \(compactValue(rates[1]))") }
            let windows = (0..<attention.shape[0]).map {
                ViewValues.window(attention, kernel: kernel, head: $0, row: row, column: column)
            }
            let scale = ViewValues.windowScale(attention, weights: windows.flatMap { $0 }, state.normalization)
            figure = (GridPainter.windows(windows, kernel: kernel, selected: state.channel, range: scale.range,
                                          colormap: state.colormap), [(nil, scale)])
        case .phases(let output, let channels):
            caption.append(view.channelLabel(state.channel))
            let planes = ViewValues.phases(output, channels: channels, channel: state.channel)
            let scale = ViewValues.phasesScale(output, planes: planes, state.normalization)
            let c = min(state.channel, channels - 1)
            let labels = ViewValues.phaseNames.enumerated().map { "\($0.offset * channels + c): \($0.element)" }
            figure = (GridPainter.phases(planes, labels: labels, imageWidth: model.image.width, range: scale.range,
                                         colormap: state.colormap), [(nil, scale)])
        case .unavailable(let reason):
            throw ExportError("nothing to export: \(layer.block) cannot run on \(layer.name): \(reason)")
        }
        caption += ["norm \(state.normalization.rawValue)", model.run.weightsSource]
        return compose(figure.canvas, scales: figure.scales, colormap: state.colormap, caption: caption)
    }

    /// The figure with the band below it.
    static func compose(_ figure: Canvas, scales: [(label: String?, scale: ViewScale)], colormap: Colormap,
                        caption: [String]) -> ViewPicture {
        let band = PictureBand.height(width: figure.width, caption: caption)
        var canvas = Canvas(width: figure.width, height: figure.height + band, background: PictureBand.background)
        canvas.draw(figure.image, x: 0, y: 0)
        PictureBand.draw(into: &canvas, y: figure.height, scales: scales, colormap: colormap, caption: caption)
        return ViewPicture(image: canvas.image, figureHeight: figure.height, caption: caption, scales: scales)
    }
}
