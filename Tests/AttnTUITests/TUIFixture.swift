// TUIFixture: a real model for the TUI tests: the cat through EfficientNet-Lite0 at 64 pixels
// (small, so every block is quick), with each block probing every layer.
import AttnBlocks
import AttnFormats
import AttnImaging
import AttnModels
import AttnTestSupport
import AttnTUI
import Foundation

enum TUIFixture {
    static let network = try! PretrainedWeights.lite0()
    static let image = try! PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/cat.png"))
    static let input = Lite0Preprocessing.tensor(image, side: 64)

    static func model(_ block: String) -> TUIModel {
        let run = try! ProbeMode.run(input, network: network, request: .init(block: block))
        return TUIModel(imageName: "cat.png", image: image, run: run)
    }
}
