// ViewState: what the user has chosen: layer, view, channel, cursor, colormap, normalisation,
// overlay strength, the overlays (help, channel entry) and a pending export. Changed only by
// `reduce` (and the session, which carries out an export and reports it).

public enum Normalization: String, CaseIterable, Sendable {
    /// The range of what is drawn (this channel, this plane).
    case perMap = "per map"
    /// The range of the whole map at this layer (all channels), so channels compare.
    case perLayer = "per layer"
    /// Values as they are, 0...1 (gates are sigmoids), clamped.
    case raw

    public func next() -> Normalization {
        let all = Normalization.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

public struct ViewState: Equatable, Sendable {
    public var layer = 0
    public var view = 0
    public var channel = 0
    public var sorted = false
    public var colormap: Colormap = .viridis
    public var normalization: Normalization = .perMap
    /// How strongly the map covers the image, 0 (image only) ... 1 (map only).
    public var overlay: Float = 0.65
    /// The cursor over the map, as a fraction of its width and height (0 ..< 1).
    public var cursorX: Float = 0.5
    public var cursorY: Float = 0.5
    public var showHelp = false
    /// Digits typed after `g` to jump to a channel; nil when not typing.
    public var channelEntry: String?
    /// Text typed after `/` to filter the layers by name; nil when not typing.
    public var filterEntry: String?
    /// The filter in effect: only layers whose name contains it are listed and stepped through.
    public var filter: String?
    public var quit = false
    /// Set by `e`: the session writes the view as a PNG and clears it.
    public var exportRequested = false
    /// A one-off note for the status line (where an export went), cleared by the next key.
    public var message: String?
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int, layer: Int = 0, colormap: Colormap = .viridis) {
        self.width = width
        self.height = height
        self.layer = layer
        self.colormap = colormap
    }

    public static let overlaySteps: [Float] = [0.35, 0.65, 0.85, 1.0, 0.0]

    /// The cursor as a cell of a feature map `height` x `width`.
    public func cursorCell(height h: Int, width w: Int) -> (row: Int, column: Int) {
        (min(h - 1, Int(cursorY * Float(h))), min(w - 1, Int(cursorX * Float(w))))
    }
}
