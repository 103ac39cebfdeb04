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
        abstract: "Open the TUI on an image (PNG or JPEG): a network's attention blocks, or a block probing EfficientNet-Lite0 (the default).")

    @Argument(help: "An image, PNG or JPEG.")
    var image: String

    @OptionGroup var network: NetworkOptions

    @OptionGroup var imageOptions: ImageOptions

    @Option(help: "Colormap: \(Colormap.allCases.map(\.rawValue).joined(separator: ", ")).")
    var colormap = "viridis"

    @Option(help: "The layer to open on (0 = the first; for Lite0's probes 0 = stem ... 8 = head).")
    var layer = 0

    @Option(help: "Force the colours: truecolor, 256 or 16 (default: what the terminal says).")
    var color: String?

    @Option(help: "Folder where `e` writes the view as a PNG (default: the current folder).")
    var out: String?

    @Option(help: "Write the screen as a PNG instead of opening the terminal (after --keys).")
    var screenshot: String?

    @Option(help: "Keys pressed before the screenshot: characters, and <Tab> <BTab> <Enter> <Esc> <Up> <Down> <PgUp> <PgDn> <Home> <End>.")
    var keys = ""

    @Option(help: "Screen size of the screenshot, COLUMNSxROWS.")
    var screenshotSize = "120x40"

    func validate() throws {
        guard Colormap(rawValue: colormap) != nil else {
            throw ValidationError("--colormap must be one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard layer >= 0 else { throw ValidationError("--layer must be 0 or more, got \(layer)") }
        if let color, ColorDepth(rawValue: color) == nil { throw ValidationError("--color must be truecolor, 256 or 16") }
        guard screenshotDimensions != nil else {
            throw ValidationError("--screenshot-size must be COLUMNSxROWS, each 1 to 1000, got '\(screenshotSize)'")
        }
        do { _ = try KeyScript.keys(keys) } catch { throw ValidationError("--keys: \(error)") }
    }

    var screenshotDimensions: (width: Int, height: Int)? {
        let parts = screenshotSize.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        // On a terminal, "layer k of n" while the layers are computed, then the line is cleared.
        let progress: LayerProgress? = isatty(STDERR_FILENO) == 1 && screenshot == nil ? { k, n, name in
            FileHandle.standardError.write(Data("\r\u{1b}[2Kattnview: computing layer \(k) of \(n) (\(name))...".utf8))
        } : nil
        var (model, warnings) = try {
            defer { if progress != nil { FileHandle.standardError.write(Data("\r\u{1b}[2K".utf8)) } }
            return try ViewSession.prepare(image: image, network: network.choice, budget: imageOptions.budget, progress: progress)
        }()
        guard layer < model.layerCount else {
            throw ValidationError("--layer must be between 0 and \(model.layerCount - 1), got \(layer)")
        }
        if !warnings.isEmpty { model.loadNote = "\(warnings.count) keys did not fit the weights (--strict false)" }
        if let screenshot {
            let (width, height) = screenshotDimensions!
            let state = try KeyScript.keys(keys).reduce(ViewState(width: width, height: height, layer: layer,
                                                                  colormap: Colormap(rawValue: colormap)!)) {
                reduce($0, $1, in: model)
            }
            try ViewSession.writeScreenshot(model, state, to: screenshot)
            return
        }
        try TerminalSession.run(forcedDepth: color.flatMap(ColorDepth.init(rawValue:))) { terminal in
            model.colorNote = terminal.depthNote
            let size = terminal.size
            ViewSession.loop(
                model: model,
                state: ViewState(width: size.width, height: size.height, layer: layer, colormap: Colormap(rawValue: colormap)!),
                readKey: { terminal.readKey(timeoutMilliseconds: $0 ? nil : 0) }, draw: { terminal.draw($0) },
                export: { ViewSession.exportView(model, $0, folder: out) })
        }
    }
}
