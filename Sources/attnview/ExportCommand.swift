// `attnview export`: every view of every layer of each image as a PNG figure, with the raw maps
// and a summary, headless, for whole folders (see AttnRuntime.ExportRun).
import ArgumentParser
import AttnExport
import AttnModels
import AttnRuntime
import AttnTUI
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every view of every layer of images (PNG or JPEG) as figures, with the raw maps and a summary.",
        discussion: """
            For each image, DIR/<image-stem>/ receives <nn>_<layer>_<map>[_c<channel>].png for every view of \
            every layer, maps.safetensors (every raw map, keys <layer>.<map>) and summary.json. Folders given \
            are searched for .png, .jpg and .jpeg files (subfolders too with --recursive).
            """)

    @Argument(help: "Images (PNG or JPEG) and folders of them.")
    var images: [String]

    @OptionGroup var network: NetworkOptions

    @OptionGroup var imageOptions: ImageOptions

    @Option(help: "The folder to write into (created if needed); nothing is written outside it.")
    var out: String

    @Flag(help: "Search folders given for images in their subfolders too.")
    var recursive = false

    @Option(help: "Images exported at once (default: one per core); the cores are shared between them.")
    var jobs: Int?

    @Option(help: "Take every n-th image from the i-th (i/n, 0 <= i < n) in sorted path order.")
    var shard: String?

    @Flag(help: "Leave images whose folder under --out is complete alone (resume an interrupted run).")
    var skipExisting = false

    @Option(help: "The channel of per-channel views (default: the strongest, the largest mean).")
    var channel: Int?

    @Option(help: "Channels of per-channel views: top:K (the K strongest) or all.")
    var channels: String?

    @Option(help: "Colormap: \(Colormap.allCases.map(\.rawValue).joined(separator: ", ")).")
    var colormap = "viridis"

    @Option(help: "How strongly maps cover the image, 0 (image only) to 1 (map only).")
    var overlay: Float = 0.65

    @Flag(help: "Bare heatmaps, without the image (the same as --overlay 1).")
    var noOverlay = false

    @Option(help: "Normalisation: map (each figure's own range), layer (the whole map at the layer), raw (0..1).")
    var normalize = "map"

    @Flag(help: "Sort bar charts by value.")
    var sortBars = false

    @Option(help: "The longer side of figures over the image, at most, in pixels; 0 for the image's own resolution.")
    var figureSize = ExportOptions.defaultFigureSize

    @Option(help: "File format of the figures: png.")
    var format = "png"

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("give at least one image or folder") }
        guard Colormap(rawValue: colormap) != nil else {
            throw ValidationError("--colormap must be one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0...1).contains(overlay) else { throw ValidationError("--overlay must be between 0 and 1, got \(overlay)") }
        guard ExportOptions.normalization(named: normalize) != nil else {
            throw ValidationError("--normalize must be map, layer or raw, got '\(normalize)'")
        }
        guard ExportOptions.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be one of \(ExportOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")), got '\(format)'")
        }
        guard figureSize == 0 || (64...65_536).contains(figureSize) else {
            throw ValidationError("--figure-size must be 0 (the image's own) or from 64 to 65536, got \(figureSize)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let shard, BatchInputs.parseShard(shard) == nil {
            throw ValidationError("--shard must be i/n with 0 <= i < n, got '\(shard)'")
        }
        if let channel, channel < 0 { throw ValidationError("--channel must be 0 or more, got \(channel)") }
        if channel != nil && channels != nil { throw ValidationError("give --channel or --channels, not both") }
        if let channels {
            guard let choice = ExportOptions.Channels(channels), choice == .all || { if case .top = choice { true } else { false } }()
            else { throw ValidationError("--channels must be top:K (K >= 1) or all, got '\(channels)'") }
        }
    }

    func run() throws {
        var export = ExportOptions()
        export.colormap = Colormap(rawValue: colormap)!
        export.overlay = noOverlay ? 1 : overlay
        export.normalization = ExportOptions.normalization(named: normalize)!
        export.sortedBars = sortBars
        export.format = ExportOptions.Format(rawValue: format)!
        export.figureSize = figureSize == 0 ? nil : figureSize
        if let channel { export.channels = .index(channel) }
        if let channels { export.channels = ExportOptions.Channels(channels)! }
        let outcome = try ExportRun.run(.init(
            images: images, recursive: recursive, out: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            shard: shard.flatMap(BatchInputs.parseShard), skipExisting: skipExisting, network: network.choice, budget: imageOptions.budget, export: export,
            version: AttnViewVersion.string),
            terminal: isatty(STDERR_FILENO) == 1)
        print(outcome.line)
        if outcome.failed > 0 { throw ExitCode.failure }
    }
}
