// ExportSummary: summary.json, written beside an image's figures: what was run (attnview's
// version, the image, its preprocessing, the module and its options as given and as fitted per
// layer, the weights), the backbone's ImageNet top-5, and per layer each map's statistics and
// the figures written. Keys are snake_case and sorted; there is no timestamp, so the same run
// gives the same bytes. README documents the schema.
import AttnFormats
import Foundation

public struct ExportSummary: Codable, Equatable, Sendable {
    public struct Image: Codable, Equatable, Sendable {
        public let path: String
        public let width: Int
        public let height: Int
    }

    public struct Input: Codable, Equatable, Sendable {
        public let side: Int
        public let preprocessing: String
        /// The part of the image the network saw and the figures show, [width, height] in the
        /// image's pixels: all of it, or the centre crop of ImageNet networks.
        public let region: [Int]
    }

    public struct Weights: Codable, Equatable, Sendable {
        /// "untrained, seed 0" or "weights from FILE".
        public let source: String
        public let trained: Bool
    }

    public struct Figures: Codable, Equatable, Sendable {
        public let colormap: String
        public let overlay: Float
        public let normalize: String
        public let channels: String
        public let sortedBars: Bool
        public let format: String
        /// The longest side the picture under the maps was drawn at (--figure-size); nil for the
        /// image's own resolution.
        public let size: Int?
    }

    public struct Prediction: Codable, Equatable, Sendable {
        public let index: Int
        public let name: String
        public let probability: Float
    }

    public struct File: Codable, Equatable, Sendable {
        public let file: String
        /// The view's title as the TUI shows it, and its short name.
        public let view: String
        public let map: String
        /// The channel (or head) a per-channel figure shows; nil where it shows them all.
        public let channel: Int?
        /// ACmix: the feature position [row, column] whose windows are shown.
        public let at: [Int]?
    }

    public struct Map: Codable, Equatable, Sendable {
        public let name: String
        /// Its key in maps.safetensors.
        public let key: String
        public let statistics: MapStatistics
    }

    public struct Layer: Codable, Equatable, Sendable {
        public let index: Int
        public let name: String
        public let featureShape: [Int]
        /// The block's hyper-parameters at this layer, after fitting.
        public let settings: [String: String]
        /// Options moved to fit this layer ("groups 64 -> 16 (32 channels)").
        public let fitted: [String]
        public let parameters: Int
        /// Why the block cannot run here; nil when it ran.
        public let error: String?
        public let maps: [Map]
        public let files: [File]
        /// Figures not written, and why (a --channel this layer does not have).
        public let notes: [String]
    }

    public let attnview: String
    public let image: Image
    public let input: Input
    /// The network: EfficientNet-Lite0 (or a plain ResNet) with probes, or a whole attention network.
    public let model: String
    /// The attention block: the probes', or the blocks the network holds.
    public let module: String
    /// The options given with --set, before fitting.
    public let options: [String: String]
    public let weights: Weights
    public let figures: Figures
    public let top5: [Prediction]
    public let layers: [Layer]

    public var json: [UInt8] {
        Array(try! JSONOutput.encoder(snakeCase: true).encode(self)) + [UInt8(ascii: "\n")]
    }

    public static func decode(_ bytes: [UInt8]) throws -> ExportSummary {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(ExportSummary.self, from: Data(bytes))
    }
}
