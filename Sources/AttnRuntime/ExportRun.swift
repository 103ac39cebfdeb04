// ExportRun: `attnview export`: the run of ViewSession (a network's own blocks, or probes) on every
// image of a batch, each exported by AttnExport (every view of every layer as a figure, the raw
// maps, a summary). The network and the weights are loaded once and shared by the jobs; Ctrl-C or
// SIGTERM stop the batch and remove what was half written.
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
        public var network: NetworkChoice
        public var budget: ImageBudget
        public var export: ExportOptions
        public var version: String

        public init(images: [String], recursive: Bool, out: String, jobs: Int, shard: (index: Int, count: Int)?,
                    skipExisting: Bool, network: NetworkChoice, budget: ImageBudget = ImageBudget(), export: ExportOptions,
                    version: String) {
            self.images = images; self.recursive = recursive; self.out = out; self.jobs = jobs; self.shard = shard
            self.skipExisting = skipExisting; self.network = network; self.budget = budget; self.export = export; self.version = version
        }
    }

    /// Decoded pictures held at once across the jobs: one 48-megapixel photo, or many small ones.
    static let decodeAllowance = 256 << 20

    /// Runs the batch; progress goes to stderr (a bar when `terminal`).
    public static func run(_ request: Request, terminal: Bool) throws -> BatchOutcome {
        let prepared = try PreparedNetwork.load(request.network)
        var inputs = try BatchInputs.collect(request.images, recursive: request.recursive)
        guard !inputs.isEmpty else {
            throw RuntimeError("no PNG or JPEG images in \(request.images.joined(separator: ", "))\(request.recursive ? "" : " (add --recursive to search subfolders)")")
        }
        if let shard = request.shard { inputs = BatchInputs.shard(inputs, index: shard.index, count: shard.count) }
        if !prepared.warnings.isEmpty {
            let file = URL(fileURLWithPath: request.network.weights ?? "").lastPathComponent
            FileHandle.standardError.write(Data((NetworkLoader.describe(prepared.warnings, network: prepared.entry.name, file: file,
                                                                        strict: false) + "\n").utf8))
        }
        let given = Dictionary(prepared.probe?.options.values.map { ($0.key, $0.value) } ?? [], uniquingKeysWith: { _, last in last })
        let version = request.version
        let admission = DecodeAdmission(capacity: decodeAllowance)
        let prepare: BatchExport.Prepare = { input in
            let pass = admission.pass()
            defer { pass.release() }
            let image = try ImageFile.read(contentsOf: URL(fileURLWithPath: input.path), budget: request.budget, pass: pass)
            let region = prepared.shownImage(image)
            var model = TUIModel(imageName: URL(fileURLWithPath: input.path).lastPathComponent,
                                 image: request.export.figurePicture(region), run: try prepared.run(image))
            model.preprocessing = prepared.preprocessing
            return (model, ImageExport.Provenance(version: version, imagePath: input.path, imageSize: (image.width, image.height),
                                                  regionSize: (region.width, region.height), options: given,
                                                  preprocessing: prepared.preprocessing))
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
