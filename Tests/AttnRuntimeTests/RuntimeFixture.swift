// RuntimeFixture: the cat through EfficientNet-Lite0 at 64 pixels with a block probing every layer.
import AttnImaging
import AttnModels
import AttnTestSupport
import AttnTUI

enum RuntimeFixture {
    static let network = try! PretrainedWeights.lite0()
    static let image = try! PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/cat.png"))

    static func model(_ block: String) -> TUIModel {
        let run = try! ProbeMode.run(Lite0Preprocessing.tensor(image, side: 64), network: network, request: .init(block: block))
        return TUIModel(imageName: "cat.png", image: image, run: run)
    }
}
