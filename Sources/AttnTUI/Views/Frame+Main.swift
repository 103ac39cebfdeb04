// Frame+Main: the main area of a frame: the drawing of the view's kind (beside this file), which
// hands back its scales, readout and side-panel use.

extension Frame {
    func drawMain(into screen: inout Screen, _ body: Rect) -> DrawnView {
        switch view.kind {
        case .overlay(_, let plane, let bars):
            return drawOverlay(into: &screen, body, plane: plane, whole: plane.data, bars: bars)
        case .channelOverlay(_, let planes, _):
            return drawOverlay(into: &screen, body, plane: ViewValues.plane(planes, state.channel), whole: planes.data, bars: nil)
        case .bars(let title, let values, _):
            return drawBarsMain(into: &screen, body, title: title, values: values)
        case .matrix(_, let values, _, _, let rows):
            return drawMatrix(into: &screen, body, values: values, channelAxisIsRows: rows)
        case .coordinateStrips(let h, let w):
            return drawStrips(into: &screen, body, h: h, w: w)
        case .attentionWindows(let attention, let kernel, let rates):
            return drawWindows(into: &screen, body, attention: attention, kernel: kernel, rates: rates)
        case .phases(let output, let channels):
            return drawPhases(into: &screen, body, output: output, channels: channels)
        case .unavailable(let reason):
            return drawUnavailable(into: &screen, body, reason: reason)
        }
    }
}
