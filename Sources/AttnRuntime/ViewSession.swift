// ViewSession: `attnview IMAGE`: everything is computed first (the image through Lite0 with the
// block probing every layer), then the screen opens; keys update the state, each state is
// rendered into a cell buffer, and the terminal draws it. The terminal is restored however the
// loop ends.
import AttnBlocks
import AttnExport
import AttnImaging
import AttnModels
import AttnTUI
import Foundation

public enum ViewSession {
    public struct Request {
        public var image: String
        public var block: String
        public var options: [String]
        public var weights: String?
        public var seed: UInt64
        public var side: Int

        public init(image: String, block: String, options: [String], weights: String?, seed: UInt64, side: Int) {
            self.image = image; self.block = block; self.options = options; self.weights = weights
            self.seed = seed; self.side = side
        }
    }

    /// Everything before the screen opens; errors here go to stderr with a non-zero exit.
    public static func prepare(_ request: Request) throws -> TUIModel {
        _ = try BlockRegistry.requireType(named: request.block)
        let url = URL(fileURLWithPath: request.image)
        let image = try PNG.read(contentsOf: url)
        let network = try PretrainedWeights.lite0()
        let weights = try request.weights.map { WeightStore(try WeightFile.read(URL(fileURLWithPath: $0))) }
        let run = try ProbeMode.run(
            Lite0Preprocessing.tensor(image, side: request.side), network: network,
            request: .init(block: request.block, options: try BlockOptions(assignments: request.options), weights: weights,
                           weightsName: request.weights.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "", seed: request.seed))
        return TUIModel(imageName: url.lastPathComponent, image: image, run: run)
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

    /// The TUI's `e`: the view as a PNG in `folder` (or the current one).
    public static func exportView(_ model: TUIModel, _ state: ViewState, folder: String?) -> String {
        do {
            return "wrote " + (try ViewExport.write(model, state, folder: folder))
        } catch {
            return "export failed: \(error)"
        }
    }
}
