// PreparedNetwork: what --model, --module, --set, --weights, --strict, --seed, --size and --labels
// choose, loaded once and shared by every image of a run: the network, and how an image runs
// through it. A plain network (EfficientNet-Lite0, the default, or a torchvision ResNet) takes a
// probe block on each stage's output; an attention network shows its own blocks. --weights
// loads into what --model names (for the default, with no --model, the probes, as before).
import AttnBlocks
import AttnEngine
import AttnImaging
import AttnModels
import Foundation

public struct NetworkChoice: Sendable {
    public var model: String?
    public var module: String?
    public var options: [String]
    public var weights: String?
    public var strict: Bool
    public var seed: UInt64
    public var side: Int
    public var labels: String?

    public init(model: String? = nil, module: String? = nil, options: [String] = [], weights: String? = nil, strict: Bool = true,
                seed: UInt64 = 0, side: Int = 224, labels: String? = nil) {
        self.model = model; self.module = module; self.options = options; self.weights = weights; self.strict = strict
        self.seed = seed; self.side = side; self.labels = labels
    }
}

public struct PreparedNetwork: Sendable {
    public struct Probe: Sendable {
        public let block: String
        public let options: BlockOptions
        public let weights: [String: Tensor]?
        public let weightsName: String
    }

    public let entry: NetworkEntry
    public let loaded: LoadedNetwork
    /// The probe block of a plain network; nil for an attention network.
    public let probe: Probe?
    /// Where the network's weights came from.
    public let networkWeights: String
    public let trained: Bool
    public let classNames: [String]?
    public let side: Int
    public let seed: UInt64
    /// What did not fit the checkpoint, with --strict false.
    public var warnings: [String] { loaded.problems }

    public static let defaultModule = "cbam"

    public static func load(_ choice: NetworkChoice) throws -> PreparedNetwork {
        let entry = try NetworkRegistry.entry(named: choice.model ?? NetworkRegistry.defaultName)
        let probeBlock: String?
        if entry.isPlain {
            probeBlock = try BlockRegistry.requireType(named: choice.module ?? defaultModule).info.name
        } else {
            if let module = choice.module {
                throw RuntimeError("--module \(module) attaches probes to plain networks; \(entry.name) has its own \(entry.blocks.joined(separator: ", ")) blocks")
            }
            if !choice.options.isEmpty {
                throw RuntimeError("--set configures probes; \(entry.name)'s blocks are configured as its source builds them")
            }
            probeBlock = nil
        }
        let options = try BlockOptions(assignments: choice.options)
        if let probeBlock { try options.validate(try BlockRegistry.requireType(named: probeBlock).info) }
        let file = try choice.weights.map { try WeightFile.read(URL(fileURLWithPath: $0)) }
        let fileName = choice.weights.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        // With no --model, --weights are Lite0's probes, and the network keeps its bundled weights.
        let probeWeights = choice.model == nil ? file : nil
        let networkFile = choice.model == nil ? nil : file
        let loaded: LoadedNetwork
        let networkWeights: String
        if let networkFile {
            loaded = try NetworkLoader.load(entry, weights: networkFile, weightsName: fileName, strict: choice.strict, seed: choice.seed)
            networkWeights = "weights from \(fileName)"
        } else if entry.name == NetworkRegistry.defaultName {
            loaded = try NetworkLoader.load(entry, weights: try PretrainedWeights.lite0Tensors(), weightsName: PretrainedWeights.lite0FileName)
            networkWeights = "ImageNet weights, bundled"
        } else {
            loaded = try NetworkLoader.load(entry, weights: nil, seed: choice.seed)
            networkWeights = "untrained, seed \(choice.seed)"
        }
        return PreparedNetwork(
            entry: entry, loaded: loaded,
            probe: probeBlock.map { Probe(block: $0, options: options, weights: probeWeights, weightsName: fileName) },
            networkWeights: networkWeights, trained: networkFile != nil || (probeBlock != nil && probeWeights != nil),
            classNames: try classNames(classes: loaded.classes, labels: choice.labels), side: choice.side, seed: choice.seed)
    }

    /// ImageNet's names for 1000 classes, a --labels file's (one per line), or none (indices).
    static func classNames(classes: Int, labels: String?) throws -> [String]? {
        guard let labels else { return classes == 1000 ? ImageNetClasses.names : nil }
        let text: String
        do {
            text = try String(contentsOfFile: labels, encoding: .utf8)
        } catch {
            throw RuntimeError("cannot read --labels \(labels): \((error as NSError).localizedDescription)")
        }
        let names = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let trimmed = Array(names.reversed().drop { $0.isEmpty }.reversed())
        guard trimmed.count == classes else {
            throw RuntimeError("--labels \(labels) has \(trimmed.count) names; the network has \(classes) classes")
        }
        return trimmed
    }

    public var preprocessing: String { entry.preprocessing.description(side: side) }

    /// The part of an image the network sees, which its maps are drawn over.
    public func shownImage(_ image: RGBImage) -> RGBImage { entry.preprocessing.visibleRegion(image, side: side) }

    /// The network input of an image.
    public func input(_ image: RGBImage) -> Tensor { entry.preprocessing.tensor(image, side: side) }

    /// The image through the network: its prediction and its layers (the probes or its own blocks).
    public func run(_ image: RGBImage, progress: LayerProgress? = nil) throws -> NetworkTrace {
        let x = input(image)
        guard let probe else {
            return try ModelMode.run(x, network: loaded.network, name: entry.name, weightsSource: networkWeights,
                                     trained: trained, classNames: classNames, progress: progress)
        }
        return try ProbeMode.run(
            x, network: loaded.network,
            request: .init(block: probe.block, options: probe.options, weights: probe.weights.map { WeightStore($0) },
                           weightsName: probe.weightsName, seed: seed),
            networkName: entry.name, networkWeights: networkWeights, classNames: classNames, progress: progress)
    }
}
