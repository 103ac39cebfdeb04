// ImageExport: every file of one image's export: a figure for every view of every layer (for
// per-channel views, the channels chosen), maps.safetensors with every raw map of the trace, and
// summary.json. Files are handed to `write` one at a time, so a caller can stop between them.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnImaging
import AttnModels
import AttnTUI

public enum ImageExport {
    /// What the run was, for summary.json.
    public struct Provenance: Sendable {
        public var version: String
        public var imagePath: String
        /// The image's own size; the figures show the part the network saw (model.image).
        public var imageSize: (width: Int, height: Int)
        /// That part's size in the image's own pixels (model.image may be a smaller copy of it);
        /// the whole image when nil.
        public var regionSize: (width: Int, height: Int)?
        public var options: [String: String]
        public var preprocessing: String

        public init(version: String, imagePath: String, imageSize: (width: Int, height: Int),
                    regionSize: (width: Int, height: Int)? = nil, options: [String: String], preprocessing: String) {
            self.version = version; self.imagePath = imagePath; self.imageSize = imageSize; self.regionSize = regionSize
            self.options = options; self.preprocessing = preprocessing
        }
    }

    public static let mapsFile = "maps.safetensors"
    public static let summaryFile = "summary.json"

    public static func export(_ model: TUIModel, options: ExportOptions, provenance: Provenance,
                              write: (_ name: String, _ bytes: [UInt8]) throws -> Void) throws {
        var layers = [ExportSummary.Layer]()
        for (index, layer) in model.run.layers.enumerated() {
            var files = [ExportSummary.File](), notes = [String]()
            for (viewIndex, view) in model.views[index].enumerated() {
                if case .unavailable = view.kind { continue }
                let (channels, note) = selectedChannels(view, options.channels)
                if let note { notes.append("\(view.name): \(note)") }
                for channel in channels {
                    let state = options.state(layer: index, view: viewIndex, channel: channel)
                    let name = ExportNames.batchFile(layerIndex: index, layer: layer.name, view, state)
                    let picture = try ViewPicture.render(model, state)
                    try write(name, try PNG.encode(picture.image, name: name, compression: .fast))
                    files.append(fileEntry(name, view, state))
                }
            }
            layers.append(summaryLayer(index, layer, block: layer.block, options: options, files: files, notes: notes))
        }
        try write(mapsFile, SafeTensors.encode(maps(model.run), metadata: [
            "module": model.run.block, "model": model.run.network, "weights": model.run.weightsSource, "image": model.imageName, "attnview": provenance.version,
        ]))
        try write(summaryFile, summary(model, options: options, provenance: provenance, layers: layers).json)
    }

    /// Every map of the trace as "<layer>.<map>", full precision; for a block that records no
    /// maps (SPD), its output as "<layer>.output".
    public static func maps(_ run: NetworkTrace) -> [String: Tensor] {
        var tensors = [String: Tensor]()
        for layer in run.layers {
            for (name, tensor) in exportedMaps(layer) { tensors["\(layer.name).\(name)"] = tensor }
        }
        return tensors
    }

    /// A layer's maps as maps.safetensors and summary.json hold them.
    static func exportedMaps(_ layer: LayerTrace) -> [(name: String, tensor: Tensor)] {
        if layer.maps.isEmpty, let output = layer.output { return [("output", output)] }
        return layer.maps
    }

    /// The channels a per-channel view gets figures for; one figure (channel 0) for the others.
    static func selectedChannels(_ view: MapView, _ choice: ExportOptions.Channels) -> (channels: [Int], note: String?) {
        guard let strengths = channelStrengths(view) else { return ([0], nil) }
        switch choice {
        case .strongest: return (Array(ViewValues.sortedChannels(strengths).prefix(1)), nil)
        case .top(let k): return (Array(ViewValues.sortedChannels(strengths).prefix(k)), nil)
        case .all: return (Array(strengths.indices), nil)
        case .index(let n):
            return n < strengths.count ? ([n], nil) : ([], "no channel \(n) (it has \(strengths.count))")
        }
    }

    /// For views that draw one channel at a time, each channel's strength: the mean of what its
    /// figure draws. nil for views that show every channel at once.
    static func channelStrengths(_ view: MapView) -> [Float]? {
        switch view.kind {
        case .channelOverlay(_, let planes, _):
            return MapStatistics.channelMeans(planes.reshaped([1] + planes.shape), axes: 1...1)
        case .coordinateStrips(let h, let w):
            let ah = MapStatistics.channelMeans(h.reshaped([1] + h.shape), axes: 1...1)
            let aw = MapStatistics.channelMeans(w.reshaped([1] + w.shape), axes: 1...1)
            return zip(ah, aw).map { $0 * $1 }
        case .phases(let output, let channels):
            let phases = MapStatistics.channelMeans(output.reshaped([1, 4, channels] + output.shape.suffix(2)), axes: 2...2)
            return phases
        default:
            return nil
        }
    }

    static func fileEntry(_ name: String, _ view: MapView, _ state: ViewState) -> ExportSummary.File {
        var channel: Int?, at: [Int]?
        switch view.kind {
        case .channelOverlay, .coordinateStrips, .phases: channel = state.channel
        case .attentionWindows(let attention, _, _):
            let cell = state.cursorCell(height: attention.shape[2], width: attention.shape[3])
            at = [cell.row, cell.column]
        default: break
        }
        return ExportSummary.File(file: name, view: view.title, map: view.name, channel: channel, at: at)
    }

    static func summaryLayer(_ index: Int, _ layer: LayerTrace, block: String, options: ExportOptions,
                             files: [ExportSummary.File], notes: [String]) -> ExportSummary.Layer {
        let maps = exportedMaps(layer).map { map in
            ExportSummary.Map(name: map.name, key: "\(layer.name).\(map.name)", statistics: MapStatistics(
                map.tensor, channelAxes: MapStatistics.channelAxes(block: block, map: map.name), top: options.topInSummary))
        }
        return ExportSummary.Layer(
            index: index, name: layer.name, featureShape: layer.feature.shape,
            settings: Dictionary(layer.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            fitted: layer.adjustments, parameters: layer.parameterCount, error: layer.error, maps: maps, files: files, notes: notes)
    }

    static func summary(_ model: TUIModel, options: ExportOptions, provenance: Provenance,
                        layers: [ExportSummary.Layer]) -> ExportSummary {
        let run = model.run
        let region = provenance.regionSize ?? provenance.imageSize
        return ExportSummary(
            attnview: provenance.version,
            image: .init(path: provenance.imagePath, width: provenance.imageSize.width, height: provenance.imageSize.height),
            input: .init(side: run.inputSide, preprocessing: provenance.preprocessing, region: [region.width, region.height]),
            model: run.network,
            module: run.isModelMode ? Set(run.layers.map(\.block)).sorted().joined(separator: ",") : run.block,
            options: provenance.options,
            weights: .init(source: run.weightsSource, trained: run.trained),
            figures: .init(colormap: options.colormap.name, overlay: options.overlay, normalize: options.normalizationName,
                           channels: options.channels.description, sortedBars: options.sortedBars, format: options.format.rawValue,
                           size: options.figureSize),
            top5: run.top(5).map { .init(index: $0.index, name: $0.name, probability: $0.probability) },
            layers: layers)
    }
}
