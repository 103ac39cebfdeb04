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
        abstract: "Open the TUI on a PNG image: a network's attention blocks, or a block probing EfficientNet-Lite0 (the default).")

    @Argument(help: "A PNG image.")
    var image: String

    @OptionGroup var network: NetworkOptions

    @Option(help: "Colormap: \(Colormap.allCases.map(\.rawValue).joined(separator: ", ")).")
    var colormap = "viridis"

    @Option(help: "The layer to open on (0 = the first; for Lite0's probes 0 = stem ... 8 = head).")
    var layer = 0

    @Option(help: "Force the colours: truecolor, 256 or 16 (default: what the terminal says).")
    var color: String?

    @Option(help: "Folder where `e` writes the view as a PNG (default: the current folder).")
    var out: String?

    func validate() throws {
        guard Colormap(rawValue: colormap) != nil else {
            throw ValidationError("--colormap must be one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard layer >= 0 else { throw ValidationError("--layer must be 0 or more, got \(layer)") }
        if let color, ColorDepth(rawValue: color) == nil { throw ValidationError("--color must be truecolor, 256 or 16") }
    }

    func run() throws {
        var (model, warnings) = try ViewSession.prepare(image: image, network: network.choice)
        guard layer < model.layerCount else {
            throw ValidationError("--layer must be between 0 and \(model.layerCount - 1), got \(layer)")
        }
        if !warnings.isEmpty { model.loadNote = "\(warnings.count) keys did not fit the weights (--strict false)" }
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
