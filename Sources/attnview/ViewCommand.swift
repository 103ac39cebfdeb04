// `attnview IMAGE --module M`: the TUI (the default subcommand).
import ArgumentParser
import AttnModels
import AttnRuntime
import AttnTUI
import AttnTerminal
import Foundation

struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Open the TUI on a PNG image: EfficientNet-Lite0 with the block probing every layer (the default).")

    @Argument(help: "A PNG image.")
    var image: String

    @Option(name: .long, help: "The attention block (se, bam, cbam, simam, sa, coordatt, gc, acmix, eca, triplet, spd).")
    var module = "cbam"

    @Option(name: .customLong("set"), help: "A hyper-parameter of the block, key=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Trained probe weights: keys '<layer>.<block key>' (default: seeded initialisation).")
    var weights: String?

    @Option(help: "Seed of the initialisation when no --weights are given.")
    var seed: UInt64 = 0

    @Option(help: "Input side the image is resized to (32 to 1024).")
    var size = 224

    @Option(help: "Colormap: \(Colormap.allCases.map(\.rawValue).joined(separator: ", ")).")
    var colormap = "viridis"

    @Option(help: "The layer to open on (0 = stem ... 8 = head).")
    var layer = 0

    @Option(help: "Force the colours: truecolor, 256 or 16 (default: what the terminal says).")
    var color: String?

    @Option(help: "Folder where `e` writes the view as a PNG (default: the current folder).")
    var out: String?

    func validate() throws {
        guard ProbeMode.sides.contains(size) else { throw ValidationError("--size must be between 32 and 1024, got \(size)") }
        guard Colormap(rawValue: colormap) != nil else {
            throw ValidationError("--colormap must be one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0..<EfficientNetLite0.layerNames.count).contains(layer) else {
            throw ValidationError("--layer must be between 0 and \(EfficientNetLite0.layerNames.count - 1), got \(layer)")
        }
        if let color, ColorDepth(rawValue: color) == nil { throw ValidationError("--color must be truecolor, 256 or 16") }
    }

    func run() throws {
        var model = try ViewSession.prepare(.init(
            image: image, block: module, options: settings, weights: weights, seed: seed, side: size))
        try TerminalSession.run(forcedDepth: color.flatMap(ColorDepth.init(rawValue:))) { terminal in
            model.colorNote = terminal.depthNote
            let size = terminal.size
            ViewSession.loop(
                model: model,
                state: ViewState(width: size.width, height: size.height, layer: layer, colormap: Colormap(rawValue: colormap)!),
                readKey: { terminal.readKey(timeoutMilliseconds: nil) }, draw: { terminal.draw($0) },
                export: { ViewSession.exportView(model, $0, folder: out) })
        }
    }
}
