// ViewSession: `attnview IMAGE`: everything is computed first (the image through the network:
// Lite0 with the block probing every layer, or a whole attention network), then the screen opens; keys update the state, each state is
// rendered into a cell buffer, and the terminal draws it. The terminal is restored however the
// loop ends.
import AttnBlocks
import AttnExport
import AttnImaging
import AttnModels
import AttnTUI
import Foundation

public enum ViewSession {
    /// Everything before the screen opens; errors here go to stderr with a non-zero exit.
    /// With `progress`, "layer k of n" is said as each layer is computed (big images and ACmix at
    /// 1024 px take a while before the screen can open).
    public static func prepare(image path: String, network choice: NetworkChoice, budget: ImageBudget = ImageBudget(),
                               progress: LayerProgress? = nil) throws -> (model: TUIModel, warnings: [String]) {
        let prepared = try PreparedNetwork.load(choice)
        let url = URL(fileURLWithPath: path)
        let image = try ImageFile.read(contentsOf: url, budget: budget)
        let run = try prepared.run(image, progress: progress)
        var model = TUIModel(imageName: url.lastPathComponent, image: ExportOptions().figurePicture(prepared.shownImage(image)),
                             run: run)
        model.preprocessing = prepared.preprocessing
        return (model, prepared.warnings)
    }

    /// The interactive loop on an open terminal. `export` writes the view of a state as a file
    /// and says how that went, for the status line.
    public static func loop(model: TUIModel, state initial: ViewState,
                            readKey: () -> Key?, draw: (Screen) -> Void, export: (ViewState) -> String) {
        var state = initial
        draw(render(state, model))
        while !state.quit {
            guard let key = readKey() else { continue }
            state = reduce(state, key, in: model)
            if state.exportRequested {
                state.exportRequested = false
                state.message = "exporting..."
                draw(render(state, model))
                state.message = export(state)
            }
            if !state.quit { draw(render(state, model)) }
        }
    }

    /// The screen a state shows, as a PNG (`--screenshot`).
    public static func writeScreenshot(_ model: TUIModel, _ state: ViewState, to path: String) throws {
        try PNG.write(ScreenPicture.render(render(state, model)), to: URL(fileURLWithPath: path))
    }

    /// The TUI's `e`: the view as a PNG in `folder` (or the current one).
    public static func exportView(_ model: TUIModel, _ state: ViewState, folder: String?) -> String {
        do {
            return "wrote " + (try ViewExport.write(model, state, folder: folder))
        } catch {
            return "export failed: \(error)"
        }
    }
}
