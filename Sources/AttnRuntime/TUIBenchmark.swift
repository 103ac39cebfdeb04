// TUIBenchmark: how fast the TUI answers a key on a given image (`attnview bench --tui IMAGE`):
// each run is one key through the reducer and one whole frame rendered, cycling through the keys
// a user presses most, at 120 x 40; and the first frame of a fresh model. The model (the network
// on the image) is computed once, before timing.
import AttnBench
import AttnTUI
import Foundation

public enum TUIBenchmark {
    static let keys: [Key] = [.character("]"), .tab, .character("+"), .character("c"), .right, .down, .character("n"),
                              .character("o"), .backTab, .character("-"), .character("["), .left]

    public static func cases(imagePath: String, network: NetworkChoice) throws -> [BenchmarkCase] {
        let (model, _) = try ViewSession.prepare(image: imagePath, network: network)
        let shape = "\(model.image.width)x\(model.image.height) \(URL(fileURLWithPath: imagePath).lastPathComponent), \(model.run.block)"
        let start = ViewState(width: 120, height: 40)
        final class Cycle: @unchecked Sendable { var state: ViewState; var i = 0; init(_ s: ViewState) { state = s } }
        let cycle = Cycle(start)
        return [
            BenchmarkCase(name: "tui first frame", shape: shape, work: 1, unit: "frames/s") {
                _ = render(start, model)
            },
            BenchmarkCase(name: "tui key + frame", shape: shape, work: 1, unit: "keys/s") {
                cycle.state = reduce(cycle.state, keys[cycle.i % keys.count], in: model)
                cycle.i += 1
                _ = render(cycle.state, model)
            },
        ]
    }
}
