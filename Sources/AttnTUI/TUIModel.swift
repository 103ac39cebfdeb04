// TUIModel: everything the TUI shows, computed once before the screen opens: the image, the probe
// run on it (every layer's features and maps) and each layer's views.
import AttnImaging
import AttnModels

public struct TUIModel: Sendable {
    public let imageName: String
    public let image: RGBImage
    public let run: NetworkTrace
    public let views: [[MapView]]
    /// A note about the terminal's colours, shown in the status line (e.g. a truecolor fallback).
    public var colorNote: String?
    /// How the image became the network's input, for the status line.
    public var preprocessing: String?
    /// What did not load, with strict loading off, for the status line.
    public var loadNote: String?

    public init(imageName: String, image: RGBImage, run: NetworkTrace, colorNote: String? = nil) {
        self.imageName = imageName
        self.image = image
        self.run = run
        self.colorNote = colorNote
        views = run.layers.map { LayerViews.views(layer: $0) }
    }

    public var layerCount: Int { run.layers.count }

    public func view(_ state: ViewState) -> MapView {
        let layerViews = views[min(state.layer, views.count - 1)]
        return layerViews[min(state.view, layerViews.count - 1)]
    }
}
