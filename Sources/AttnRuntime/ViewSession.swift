// ViewSession: `attnview IMAGE`: everything is computed first (the image through the network:
// Lite0 with the block probing every layer, or a whole attention network), then the screen opens;
// the keys that are waiting update the state, the state is rendered into a cell buffer, and the
// terminal draws it. The terminal is restored however the loop ends.
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

    /// How long keys that keep arriving are taken before a frame is drawn all the same.
    public static let drawAtLeastEvery: Duration = .milliseconds(50)

    /// The interactive loop on an open terminal. `readKey(true)` waits for a key (nil: the input
    /// has ended, and so does the loop); `readKey(false)` takes one only if it has already
    /// arrived. Every key that is waiting is applied before the screen is drawn once: a flood of
    /// keys costs one frame, not one per key, so the terminal's queue empties at once and a q
    /// or Ctrl-C behind it is seen. Likewise `e` pressed several times among waiting keys
    /// exports once, the view at the last of them (an export takes a tenth of a second).
    /// `export` writes the view of a state as a file and says how that went, for the status line.
    public static func loop(model: TUIModel, state initial: ViewState,
                            readKey: (_ wait: Bool) -> Key?, draw: (Screen) -> Void, export: (ViewState) -> String) {
        var state = initial
        draw(render(state, model))
        let clock = ContinuousClock()
        while var key = readKey(true) {
            let started = clock.now
            var toExport: ViewState?
            while true {
                state = reduce(state, key, in: model)
                if state.quit { return }
                if state.exportRequested {
                    state.exportRequested = false
                    toExport = state
                }
                guard clock.now - started < drawAtLeastEvery, let next = readKey(false) else { break }
                key = next
            }
            if let toExport {
                state.message = "exporting..."
                draw(render(state, model))
                state.message = export(toExport)
            }
            draw(render(state, model))
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
