// EfficientNet-Lite0 with the shipped ImageNet weights against a PyTorch rebuild
// (scripts/fixtures/make_lite0_fixtures.py): logits within 1e-3, every layer's output at a small
// size, the preprocessing, and the classes of the cat and the coffee.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnImaging
import AttnModels
import AttnTestSupport
import Foundation
import Testing

let lite0Fixture = try! SafeTensors.read(contentsOf: Fixtures.url("lite0.safetensors")).tensors
let lite0 = try! PretrainedWeights.lite0()

@Test(arguments: ["cat_224", "coffee_224", "cat_64"])
func logitsMatchPyTorch(_ name: String) {
    let logits = lite0.forward(lite0Fixture["\(name)/input"]!)
    assertClose(logits, lite0Fixture["\(name)/logits"]!, rtol: 0, atol: 1e-3, name)
}

@Test func everyLayerMatchesPyTorch() {
    var seen = [String]()
    _ = lite0.forward(lite0Fixture["cat_64/input"]!) { layer, feature in
        seen.append(layer)
        assertClose(feature, lite0Fixture["cat_64/feature.\(layer)"]!, rtol: 1e-3, atol: 1e-3, layer)
    }
    #expect(seen == EfficientNetLite0.layerNames)
}

@Test(arguments: [("cat", 285), ("coffee", 967)])
func samplesAreClassifiedAsPyTorchDoes(image: String, expectedClass: Int) throws {
    let rgb = try PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/\(image).png"))
    let x = Lite0Preprocessing.tensor(rgb, side: 224)
    // The resize may round a tie the other way: at most one pixel level (1/128).
    assertClose(x, lite0Fixture["\(image)_224/input"]!, rtol: 0, atol: 1.0 / 128 + 1e-6, "\(image) input")
    let probabilities = softmax(lite0.forward(x), axis: 1)
    let best = probabilities.data.indices.max { probabilities.data[$0] < probabilities.data[$1] }!
    #expect(best == expectedClass)
    #expect(ImageNetClasses.names[best] == (image == "cat" ? "Egyptian cat" : "espresso"))
}

@Test func missingOrUnexpectedWeightsAreNamed() throws {
    var tensors = try PyTorchCheckpoint.read(contentsOf: PretrainedWeights.lite0URL()).tensors
    tensors["_fc.bias"] = nil
    #expect(throws: (any Error).self) { _ = try EfficientNetLite0(weights: .init(tensors)) }
    do {
        _ = try EfficientNetLite0(weights: .init(tensors))
    } catch {
        #expect("\(error)" == "efficientnet-lite0: missing key '_fc.bias' (expected shape [1000])")
    }
}
