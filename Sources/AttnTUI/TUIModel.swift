// TUIModel: everything the TUI shows, computed once before the screen opens: the image, the probe
// run on it (every layer's features and maps) and each layer's views.
import AttnImaging
import AttnModels

public struct TUIModel: Sendable {
    public let imageName: String
    public let image: RGBImage
    /// The image at most `previewSide` pixels a side: what the screen draws from, so that a key
    /// redraws as fast for a 4000 x 3000 photo as for a thumbnail (export uses `image`).
    public let preview: RGBImage
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
        preview = Self.preview(image)
        self.run = run
        self.colorNote = colorNote
        views = run.layers.map { LayerViews.views(layer: $0, trained: run.trained) }
    }

    public var layerCount: Int { run.layers.count }

    /// More pixels than any terminal shows a picture with (two a cell).
    public static let previewSide = 640

    static func preview(_ image: RGBImage) -> RGBImage { image.fitted(withinSide: previewSide) }

    public func view(_ state: ViewState) -> MapView {
        let layerViews = views[min(state.layer, views.count - 1)]
        return layerViews[min(state.view, layerViews.count - 1)]
    }
}
