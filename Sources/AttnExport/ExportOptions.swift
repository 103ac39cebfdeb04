// ExportOptions: how a batch draws its figures (colormap, overlay strength, normalisation,
// sorted bars, which channels of per-channel views) and in what format it writes them.
import AttnImaging
import AttnTUI

public struct ExportOptions: Sendable, Equatable {
    /// Which channels of a per-channel view get a figure.
    public enum Channels: Sendable, Equatable, CustomStringConvertible {
        /// The channel whose map has the largest mean.
        case strongest
        case index(Int)
        case top(Int)
        case all

        /// "strongest", "17", "top:5" or "all", as --channel and --channels take them.
        public init?(_ text: String) {
            switch text {
            case "strongest": self = .strongest
            case "all": self = .all
            default:
                if text.hasPrefix("top:"), let k = Int(text.dropFirst(4)), k >= 1 { self = .top(k); return }
                guard let n = Int(text), n >= 0 else { return nil }
                self = .index(n)
            }
        }

        public var description: String {
            switch self {
            case .strongest: "strongest"
            case .index(let n): "\(n)"
            case .top(let k): "top:\(k)"
            case .all: "all"
            }
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case png
    }

    /// --normalize's names for the TUI's normalisations, also used in summary.json.
    public static let normalizationNames: [(name: String, normalization: Normalization)] = [
        ("map", .perMap), ("layer", .perLayer), ("raw", .raw),
    ]

    public static func normalization(named name: String) -> Normalization? {
        normalizationNames.first { $0.name == name }?.normalization
    }

    public var normalizationName: String { Self.normalizationNames.first { $0.normalization == normalization }!.name }

    public var colormap: Colormap = .viridis
    public var overlay: Float = 0.65
    public var normalization: Normalization = .perMap
    public var channels: Channels = .strongest
    public var sortedBars = false
    public var format: Format = .png
    /// The longest side of the picture figures are drawn over; nil for the image's own
    /// resolution. A figure of a 48-megapixel photo at full size costs half a gigabyte and
    /// minutes, and shows a 7 x 7 map no better than 2048 pixels do.
    public var figureSize: Int? = ExportOptions.defaultFigureSize
    public static let defaultFigureSize = 2048

    /// The picture figures of `image` are drawn over.
    public func figurePicture(_ image: RGBImage) -> RGBImage {
        figureSize.map { image.fitted(withinSide: $0) } ?? image
    }

    /// How many of the strongest channels summary.json lists per map.
    public var topInSummary = 5

    public init() {}

    /// The view state a figure is drawn with: the TUI's, with these choices.
    func state(layer: Int, view: Int, channel: Int) -> ViewState {
        var state = ViewState(width: 0, height: 0, layer: layer, colormap: colormap)
        state.view = view
        state.channel = channel
        state.overlay = overlay
        state.normalization = normalization
        state.sorted = sortedBars
        return state
    }
}
