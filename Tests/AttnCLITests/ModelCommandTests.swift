// --model as a user runs it: classify a checkpoint (with --labels for other class sets), export
// every block of cbam_resnet50 and mobilenetv2_ca, list the networks, and the errors a typo, a
// probe option on an attention network or a wrong label file give.
import AttnEngine
import AttnExport
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

private let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path

@Test func classifyRunsACheckpoint() throws {
    let file = Fixtures.url("networks/seresnet18_dataparallel.pth").path
    let result = try BuiltBinary.run(["classify", cat, "--model", "seresnet18", "--weights", file, "--top", "3", "--json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    struct Row: Decodable { let image: String; let top: [Prediction] }
    struct Prediction: Decodable { let index: Int; let name: String; let probability: Float }
    let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
    #expect(rows.count == 1 && rows[0].top.count == 3)
    #expect(rows[0].top.allSatisfy { (0..<1000).contains($0.index) && !$0.name.isEmpty })
}

@Test func labelsNameTheClassesOfOtherHeads() throws {
    let folder = try TemporaryFolder()
    var weights = try PyTorchCheckpoint.read(contentsOf: Fixtures.url("networks/seresnet18_dataparallel.pth")).tensors
    weights["fc.weight"] = Tensor(shape: [3, 512], data: (0..<(3 * 512)).map { Float($0 % 7) * 0.01 })
    weights["fc.bias"] = Tensor(shape: [3], data: [0, 0.5, 1])
    let checkpoint = folder.path("three.safetensors")
    try SafeTensors.write(weights, to: URL(fileURLWithPath: checkpoint))
    try "cat\ndog\nbird\n".write(toFile: folder.path("labels.txt"), atomically: true, encoding: .utf8)
    let named = try BuiltBinary.run(["classify", cat, "--model", "seresnet18", "--weights", checkpoint, "--labels",
                                     folder.path("labels.txt"), "--top", "3"])
    #expect(named.status == 0, "stderr: \(named.stderr)")
    #expect(["cat", "dog", "bird"].allSatisfy { named.stdout.contains(" \($0)\n") || named.stdout.hasSuffix(" \($0)") })
    let unnamed = try BuiltBinary.run(["classify", cat, "--model", "seresnet18", "--weights", checkpoint, "--top", "2"])
    #expect(unnamed.stdout.contains("class "), "stdout: \(unnamed.stdout)")
    try "cat\ndog\n".write(toFile: folder.path("short.txt"), atomically: true, encoding: .utf8)
    let short = try BuiltBinary.run(["classify", cat, "--model", "seresnet18", "--weights", checkpoint, "--labels", folder.path("short.txt")])
    #expect(short.status != 0 && short.stderr.contains("has 2 names; the network has 3 classes"), "\(short.stderr)")
}

@Test(arguments: [("cbam_resnet50", 16, "cbam"), ("mobilenetv2_ca", 16, "coordatt")])
func exportBrowsesEveryBlock(model: String, blocks: Int, block: String) throws {
    let folder = try TemporaryFolder()
    let result = try BuiltBinary.run(["export", cat, "--model", model, "--size", "64", "--out", folder.path("out")])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let summary = try ExportSummary.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/cat/summary.json")))))
    #expect(summary.model == model && summary.module == block)
    #expect(summary.layers.count == blocks)
    #expect(summary.weights.trained == false)
    #expect(summary.input.preprocessing.contains("centre crop 64x64"))
    for layer in summary.layers {
        #expect(!layer.files.isEmpty && layer.error == nil, "\(layer.name)")
        for file in layer.files {
            #expect(FileManager.default.fileExists(atPath: folder.path("out/cat/\(file.file)")), "\(file.file)")
        }
    }
}

@Test func modelErrorsAreOneClearLine() throws {
    let typo = try BuiltBinary.run([cat, "--model", "cbam_resnet5"])
    #expect(typo.status != 0 && typo.stderr.contains("did you mean 'cbam_resnet50'?"), "\(typo.stderr)")
    let probe = try BuiltBinary.run(["export", cat, "--model", "cbam_resnet50", "--module", "se", "--out", "/tmp/never"])
    #expect(probe.status != 0 && probe.stderr.contains("has its own cbam blocks"), "\(probe.stderr)")
    let mismatch = try BuiltBinary.run(["classify", cat, "--model", "resnet18",
                                        "--weights", Fixtures.url("networks/seresnet18_dataparallel.pth").path])
    #expect(mismatch.status != 0)
    #expect(mismatch.stderr.contains("unexpected key 'layer1.0.se.fc1.weight'"), "\(mismatch.stderr)")
}

@Test func modulesListsEveryNetwork() throws {
    let result = try BuiltBinary.run(["modules", "--models", "--json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    struct Row: Decodable { let name: String; let parameters: Int; let multiplyAdds: Int; let blocks: [String]; let keyPrefixes: String }
    let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
    let fixture = try SafeTensors.read(contentsOf: Fixtures.url("networks.safetensors"))
    struct Info: Decodable { let parameters: Int }
    for row in rows where row.name != "efficientnet_lite0" {
        let info = try JSONDecoder().decode(Info.self, from: Data(fixture.metadata[row.name]!.utf8))
        #expect(row.parameters == info.parameters, "\(row.name)")
        #expect(!row.keyPrefixes.isEmpty)
    }
    // torchvision's and timm's published figures at 224: ResNet-50 4.09 G, MobileNetV3-Large 0.22 G.
    #expect(abs(Double(rows.first { $0.name == "resnet50" }!.multiplyAdds) / 1e9 - 4.09) < 0.01)
    #expect(abs(Double(rows.first { $0.name == "mobilenetv3_large_100" }!.multiplyAdds) / 1e9 - 0.217) < 0.002)
    #expect(rows.count == 33)
}

@Test func plainNetworksTakeProbesOnTheirStages() throws {
    let folder = try TemporaryFolder()
    let result = try BuiltBinary.run(["export", cat, "--model", "resnet18", "--module", "se", "--size", "64", "--out", folder.path("out")])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let summary = try ExportSummary.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/cat/summary.json")))))
    #expect(summary.model == "resnet18" && summary.module == "se")
    #expect(summary.layers.map(\.name) == ["stem", "layer1", "layer2", "layer3", "layer4"])
    #expect(summary.layers.map { $0.featureShape[1] } == [64, 64, 128, 256, 512])
}
