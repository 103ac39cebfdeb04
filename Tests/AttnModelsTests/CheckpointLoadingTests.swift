// Whole networks from checkpoints laid out as their sources save them (Tests/Fixtures/networks,
// written by scripts/fixtures/make_network_checkpoints.py with torch.save): Jongchan's .pth.tar
// with its optimizer state (zip, and the legacy format of the released BAM file), a DataParallel
// state_dict of timm's seresnet18, mobilenetv2_ca with the released head names; each gives
// PyTorch's logits. A safetensors file in timm's layout loads the same way. Missing, unexpected
// and mis-shaped keys are all listed, the first ten and then a count; --strict false loads the rest.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnModels
import AttnTestSupport
import Foundation
import Testing

private let expected = try! SafeTensors.read(contentsOf: Fixtures.url("networks/expected.safetensors"))

private func checkpoint(_ name: String) throws -> [String: Tensor] {
    try PyTorchCheckpoint.read(contentsOf: Fixtures.url("networks/\(name)")).tensors
}

private func logits(_ loaded: LoadedNetwork) throws -> Tensor {
    try loaded.network.forward(expected.tensors["input"]!, visit: .none)
}

@Test(arguments: [("cbam_resnet18", "cbam_resnet18_jongchan.pth.tar"), ("bam_resnet18", "bam_resnet18_legacy.pth.tar"),
                  ("seresnet18", "seresnet18_dataparallel.pth"), ("mobilenetv2_ca", "mobilenetv2_ca_released.pth")])
func savedCheckpointsGivePyTorchsLogits(model: String, file: String) throws {
    let loaded = try NetworkLoader.load(try NetworkRegistry.entry(named: model), weights: try checkpoint(file), weightsName: file)
    #expect(loaded.problems.isEmpty)
    let reference = expected.tensors["\(file)/logits"]!
    assertClose(try logits(loaded), reference, rtol: 0, atol: 1e-3 * reference.data.map(abs).max()!, file)
}

@Test func jongchansLayoutKeepsOnlyTheStateDict() throws {
    let tensors = try checkpoint("cbam_resnet18_jongchan.pth.tar")
    #expect(tensors["conv1.weight"]?.shape == [64, 3, 7, 7])
    #expect(!tensors.keys.contains { $0.hasPrefix("module.") || $0.contains("momentum") || $0 == "best_prec1" })
}

/// Every tensor a network declares, with KeyFormula's values.
private func formulaWeights(_ model: String) throws -> [String: Tensor] {
    final class Keys: @unchecked Sendable { var all = [String: Tensor]() }
    let keys = Keys()
    _ = try NetworkLoader.load(try NetworkRegistry.entry(named: model), store: WeightStore(generating: { key, shape in
        let t = KeyFormula.tensor(key: key, shape: shape)
        keys.all[key] = t
        return t
    }))
    return keys.all
}

@Test func aSafetensorsFileInTimmsLayoutLoads() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-timm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("model.safetensors")
    // timm's Hub files: save_file(model.state_dict()) with metadata {"format": "pt"}.
    try SafeTensors.write(try formulaWeights("seresnet18"), metadata: ["format": "pt"], to: url)
    let loaded = try NetworkLoader.load(try NetworkRegistry.entry(named: "seresnet18"),
                                        weights: try SafeTensors.read(contentsOf: url).tensors)
    let reference = try SafeTensors.read(contentsOf: Fixtures.url("networks.safetensors")).tensors["seresnet18/logits"]!
    assertClose(try logits(loaded), reference, rtol: 0, atol: 1e-3 * reference.data.map(abs).max()!, "seresnet18")
}

@Test func everyProblemIsListed() throws {
    var weights = try checkpoint("cbam_resnet18_jongchan.pth.tar")
    weights["fc.bias"] = nil
    weights["extra.weight"] = Tensor(zeros: [3])
    weights["conv1.weight"] = Tensor(zeros: [64, 3, 3, 3])
    let entry = try NetworkRegistry.entry(named: "cbam_resnet18")
    let error = #expect(throws: ModelError.self) { try NetworkLoader.load(entry, weights: weights, weightsName: "w.pth") }
    #expect(error?.description == """
        cbam_resnet18: 3 keys of w.pth do not fit (--strict false loads what does):
          key 'conv1.weight' has shape [64, 3, 3, 3], expected [64, 3, 7, 7]
          missing key 'fc.bias' (expected shape [1000])
          unexpected key 'extra.weight'
        """)
    let lenient = try NetworkLoader.load(entry, weights: weights, weightsName: "w.pth", strict: false)
    #expect(lenient.problems.count == 3)
    #expect(try logits(lenient).data.allSatisfy(\.isFinite))
}

@Test func manyProblemsAreCountedAfterTheFirstTen() throws {
    let weights = try checkpoint("cbam_resnet18_jongchan.pth.tar").filter { !$0.key.hasPrefix("layer4") }
    let error = #expect(throws: ModelError.self) {
        try NetworkLoader.load(try NetworkRegistry.entry(named: "cbam_resnet18"), weights: weights, weightsName: "w.pth")
    }
    let lines = error?.description.split(separator: "\n") ?? []
    #expect(lines.count == 12)
    #expect(lines.last?.hasPrefix("  and ") == true && lines.last?.hasSuffix(" more") == true)
}

@Test func aClassifierOfAnotherSizeSetsTheClassCount() throws {
    var weights = try checkpoint("seresnet18_dataparallel.pth")
    weights["fc.weight"] = Tensor(shape: [10, 512], repeating: 0.01)
    weights["fc.bias"] = Tensor(zeros: [10])
    let loaded = try NetworkLoader.load(try NetworkRegistry.entry(named: "seresnet18"), weights: weights)
    #expect(loaded.classes == 10)
    #expect(try logits(loaded).shape == [1, 10])
}

@Test func releasedAliasesLoad() throws {
    // mbv2_ca.py names the head classifier.1; the triplet weights name the block pcam.
    var mbv2 = try checkpoint("mobilenetv2_ca_released.pth")
    mbv2["classifier.1.weight"] = mbv2.removeValue(forKey: "classifier.weight")
    mbv2["classifier.1.bias"] = mbv2.removeValue(forKey: "classifier.bias")
    #expect(try NetworkLoader.load(try NetworkRegistry.entry(named: "mobilenetv2_ca"), weights: mbv2).problems.isEmpty)
    let triplet = Dictionary(uniqueKeysWithValues: try formulaWeights("triplet_resnet50").map {
        ($0.key.replacingOccurrences(of: ".triplet_attention.", with: ".pcam."), $0.value)
    })
    #expect(try NetworkLoader.load(try NetworkRegistry.entry(named: "triplet_resnet50"), weights: triplet).problems.isEmpty)
    // GCNet's released weights are detectors': the backbone under "backbone.", no classifier.
    let detector = Dictionary(uniqueKeysWithValues: try formulaWeights("gc_resnet50").filter { !$0.key.hasPrefix("fc.") }
        .map { ("backbone." + $0.key, $0.value) } + [("neck.lateral.weight", Tensor(zeros: [2]))])
    #expect(try NetworkLoader.load(try NetworkRegistry.entry(named: "gc_resnet50"), weights: detector).problems.isEmpty)
}

@Test func unknownNamesListTheKnownOnesAndSuggest() {
    let error = #expect(throws: ModelError.self) { try NetworkRegistry.entry(named: "cbam_resnet5") }
    #expect(error?.description.hasPrefix("unknown model 'cbam_resnet5' (did you mean 'cbam_resnet50'?); known: resnet18, ") == true)
    let far = #expect(throws: ModelError.self) { try NetworkRegistry.entry(named: "vit_base") }
    #expect(far?.description.contains("did you mean") == false)
}
