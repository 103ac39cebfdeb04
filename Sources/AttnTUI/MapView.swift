// MapView: one way of looking at a layer's maps, what Tab cycles through. Each block's maps are
// turned into the views the TUI shows (bars for channel weights, heatmaps over the image for
// spatial gates, CoordAtt's strips, ACmix's attention windows, SPD's phases). The same views are
// drawn into cells on screen and into pixels by export, so both show the same thing.
import AttnEngine

public struct MapView: Sendable {
    /// A short name for file names and keys ("spatial", "gate", "hxw", "feature").
    public let name: String
    public let kind: Kind
    /// Why what it shows is constant, where the reference's initialisation makes it so (untrained).
    public let note: String?

    public init(_ name: String, _ kind: Kind, note: String? = nil) {
        self.name = name
        self.kind = kind
        self.note = note
    }

    public enum Kind: Sendable {
        /// A per-channel vector drawn as a bar chart (every channel, from zero), its values listed beside.
        case bars(title: String, values: [Float], channelLabel: @Sendable (Int) -> String)
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
    }

    public var title: String {
        switch kind {
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
        switch kind {
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
        switch kind {
        case .overlay, .channelOverlay, .coordinateStrips, .attentionWindows: return true
        default: return false
        }
    }

    /// The name of channel k in this view ("channel 3", "head 1", "group 2, channel 5"); empty
    /// where the view has no channels.
    public func channelLabel(_ k: Int) -> String {
        guard channelCount > 0 else { return "" }
        switch kind {
        case .channelOverlay(_, _, let label), .bars(_, _, let label): return label(k)
        case .attentionWindows: return "head \(k)"
        case .matrix(_, _, let rowName, let columnName, let rows): return "\(rows ? rowName : columnName) \(k)"
        default: return "channel \(k)"
        }
    }

    /// Whether what the main area draws depends on the selected channel (so the heading names
    /// it): not for a plane over the image, whose bars beside only mark the channel.
    public var mainShowsChannel: Bool {
        switch kind {
        case .overlay, .unavailable: return false
        default: return channelCount > 0
        }
    }
}
