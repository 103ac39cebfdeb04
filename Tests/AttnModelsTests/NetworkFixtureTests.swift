// Whole networks against PyTorch (Tests/Fixtures/networks.safetensors, written by
// scripts/fixtures/make_network_fixtures.py from the authors' code, timm and torchvision): every
// tensor of every network takes KeyFormula's value on both sides, computed from its state_dict key
// alone, so no weights are committed. Logits agree within 1e-3 of their largest magnitude, the
// attention blocks are the PyTorch module's, in its order, each block's output has the same mean,
// and the parameter counts are equal. For the deep SE and CBAM networks, whose gates are near-steps
// with these weights so that PyTorch's own float32 run strays from its float64 one, the structure
// (blocks, parameters) is compared and the numbers are not.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnModels
import AttnTestSupport
import Foundation
import Testing

struct NetworkCase: Sendable, CustomStringConvertible {
    struct Info: Decodable, Sendable {
        let attention: [String]
        let parameters: Int
        let entries: Int
        /// Whether PyTorch's own float32 run agrees with float64 (see the fixture script).
        let stable: Bool
    }

    let name: String
    let info: Info
    let logits: Tensor
    let blockMeans: Tensor?
    var description: String { name }

    static let file = try? SafeTensors.read(contentsOf: Fixtures.url("networks.safetensors"))
    static let input = file?.tensors["input"]

    static let all: [NetworkCase] = (file?.metadata ?? [:]).keys.sorted().compactMap { name in
        guard let json = file?.metadata[name], let info = try? JSONDecoder().decode(Info.self, from: Data(json.utf8)),
              let logits = file?.tensors["\(name)/logits"] else { return nil }
        return NetworkCase(name: name, info: info, logits: logits, blockMeans: file?.tensors["\(name)/block_means"])
    }
}

@Test func everyArchitectureHasAPyTorchCase() {
    let covered = Set(NetworkCase.all.map(\.name))
    for entry in NetworkRegistry.all where entry.name != "efficientnet_lite0" {
        #expect(covered.contains(entry.name), "\(entry.name) has no PyTorch fixture")
    }
}

@Test("networks match PyTorch", arguments: NetworkCase.all)
func networkMatchesPyTorch(_ c: NetworkCase) throws {
    let entry = try NetworkRegistry.entry(named: c.name)
    let loaded = try NetworkLoader.load(entry, store: WeightStore.keyFormula())
    #expect(loaded.parameterCount == c.info.parameters, "parameters")
    var layers = [LayerTrace]()
    let logits = try loaded.network.forward(NetworkCase.input!, visit: NetworkVisitor(attention: { layers.append($0) }))
    #expect(layers.map(\.name) == c.info.attention)
    guard c.info.stable else { return }
    let scale = c.logits.data.map(abs).max() ?? 1
    assertClose(logits, c.logits, rtol: 0, atol: 1e-3 * scale, "\(c.name) logits")
    if let means = c.blockMeans, means.count == layers.count {
        for (layer, expected) in zip(layers, means.data) {
            let output = layer.output!.data
            let mean = output.reduce(0, +) / Float(output.count)
            #expect(abs(mean - expected) <= 1e-3 * max(1, abs(expected)), "\(c.name) \(layer.name): mean \(mean) vs \(expected)")
        }
    }
}
