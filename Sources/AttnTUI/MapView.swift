// MapView: one way of looking at a layer's maps, what Tab cycles through. Each block's maps are
// turned into the views DESIGN.md and the TUI issue ask for (bars for channel weights, heatmaps
// over the image for spatial gates, CoordAtt's strips, ACmix's attention windows, SPD's phases).
import AttnEngine

public enum MapView: Sendable {
    /// A per-channel vector as bars; the main view shows the selected channel's plane of `planes`
    /// (usually the block's input feature) over the image.
    case bars(title: String, values: [Float], planes: Tensor)
    /// One (H, W) plane over the image; `bars` (if any) are shown beside it.
    case overlay(title: String, plane: Tensor, bars: (title: String, values: [Float])?)
    /// (K, H, W) planes, the selected one over the image; `channelLabel` names index k.
    case channelOverlay(title: String, planes: Tensor, channelLabel: @Sendable (Int) -> String)
    /// A (rows, columns) heatmap not tied to the image, one row per channel (CoordAtt's a_h, Triplet's cw).
    case matrix(title: String, values: Tensor, rowName: String, columnName: String, channelAxisIsRows: Bool)
    /// CoordAtt: the selected channel's a_h along the left edge, a_w along the bottom, their
    /// product over the image.
    case coordinateStrips(h: Tensor, w: Tensor)
    /// ACmix: at the cursor's pixel, each head's k x k attention window; the two rates.
    case attentionWindows(attention: Tensor, kernel: Int, rates: [Float])
    /// SPD: the selected channel's four phase images.
    case phases(output: Tensor, channels: Int)
    /// The block cannot run on this layer.
    case unavailable(reason: String)

    public var title: String {
        switch self {
        case .bars(let title, _, _), .overlay(let title, _, _), .channelOverlay(let title, _, _),
             .matrix(let title, _, _, _, _): return title
        case .coordinateStrips: return "h x w"
        case .attentionWindows: return "attention"
        case .phases: return "phases"
        case .unavailable: return "unavailable"
        }
    }

    /// How many channels `+`/`-` step through in this view.
    public var channelCount: Int {
        switch self {
        case .bars(_, let values, _): return values.count
        case .overlay(_, _, let bars): return bars?.values.count ?? 0
        case .channelOverlay(_, let planes, _): return planes.shape[0]
        case .matrix(_, let values, _, _, let rows): return rows ? values.shape[0] : values.shape[1]
        case .coordinateStrips(let h, _): return h.shape[0]
        case .attentionWindows(let attention, _, _): return attention.shape[0]
        case .phases(_, let channels): return channels
        case .unavailable: return 0
        }
    }

    /// Whether arrows move a cursor over the image in this view.
    public var hasCursor: Bool {
        switch self {
        case .overlay, .channelOverlay, .bars, .coordinateStrips, .attentionWindows: return true
        default: return false
        }
    }
}
