// ExportRun: `attnview export`: the probe run of ViewSession on every image of a batch, each
// exported by AttnExport (every view of every layer as a figure, the raw maps, a summary). The
// network and the weights are loaded once and shared by the jobs; Ctrl-C or SIGTERM stop the
// batch and remove what was half written.
import AttnBlocks
import AttnEngine
import AttnExport
import AttnImaging
import AttnModels
import AttnTUI
import Foundation

public enum ExportRun {
    public struct Request: Sendable {
        public var images: [String]
        public var recursive: Bool
        public var out: String
        public var jobs: Int
        public var shard: (index: Int, count: Int)?
        public var skipExisting: Bool
        public var block: String
        public var options: [String]
        public var weights: String?
        public var seed: UInt64
        public var side: Int
        public var export: ExportOptions
        public var version: String

        public init(images: [String], recursive: Bool, out: String, jobs: Int, shard: (index: Int, count: Int)?,
                    skipExisting: Bool, block: String, options: [String], weights: String?, seed: UInt64, side: Int,
                    export: ExportOptions, version: String) {
            self.images = images; self.recursive = recursive; self.out = out; self.jobs = jobs; self.shard = shard
            self.skipExisting = skipExisting; self.block = block; self.options = options; self.weights = weights
            self.seed = seed; self.side = side; self.export = export; self.version = version
        }
    }

    /// Runs the batch; progress goes to stderr (a bar when `terminal`).
    public static func run(_ request: Request, terminal: Bool) throws -> BatchOutcome {
        let blockType = try BlockRegistry.requireType(named: request.block)
        let options = try BlockOptions(assignments: request.options)
        var inputs = try BatchInputs.collect(request.images, recursive: request.recursive)
        guard !inputs.isEmpty else {
            throw RuntimeError("no PNG images in \(request.images.joined(separator: ", "))\(request.recursive ? "" : " (add --recursive to search subfolders)")")
        }
        if let shard = request.shard { inputs = BatchInputs.shard(inputs, index: shard.index, count: shard.count) }
        let network = try PretrainedWeights.lite0()
        let weights = try request.weights.map { try WeightFile.read(URL(fileURLWithPath: $0)) }
        let weightsName = request.weights.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        let given = Dictionary(options.values.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let (block, side, seed, version) = (blockType.info.name, request.side, request.seed, request.version)

        let prepare: BatchExport.Prepare = { input in
            let image = try PNG.read(contentsOf: URL(fileURLWithPath: input.path))
            let run = try ProbeMode.run(
                Lite0Preprocessing.tensor(image, side: side), network: network,
                request: .init(block: block, options: options, weights: weights.map { WeightStore($0) },
                               weightsName: weightsName, seed: seed))
            let model = TUIModel(imageName: URL(fileURLWithPath: input.path).lastPathComponent, image: image, run: run)
            return (model, ImageExport.Provenance(version: version, imagePath: input.path, options: given,
                                                  preprocessing: Lite0Preprocessing.description(side: side)))
        }
        let printer = BatchProgressPrinter(total: inputs.count, out: request.out, terminal: terminal)
        let cancellation = BatchCancellation()
        let interrupts = InterruptHandler(cancellation) {
            printer.finish()
            FileHandle.standardError.write(Data("interrupted: partial output removed\n".utf8))
        }
        defer { interrupts.remove() }
        let outcome = try BatchExport.run(
            .init(inputs: inputs, out: request.out, jobs: request.jobs, skipExisting: request.skipExisting, options: request.export),
            cancellation: cancellation, prepare: prepare, progress: { printer.report($0) })
        printer.finish()
        return outcome
    }
}
