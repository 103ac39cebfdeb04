// `attnview block` end to end: the reference's weights give the reference's output and maps;
// a missing key, an unexpected key, a wrong shape, a corrupt file, a bad option: each gives one
// line naming it and a non-zero exit.
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

/// The first SE fixture case: input, output, maps and weights written by PyTorch.
private func seReference() throws -> (input: Tensor, output: Tensor, channel: Tensor, weights: [String: Tensor]) {
    let file = try SafeTensors.read(contentsOf: Fixtures.url("blocks/se.safetensors"))
    let prefix = "r16_batch2_nonsquare/"
    var weights = [String: Tensor]()
    for (k, v) in file.tensors where k.hasPrefix(prefix + "weights.") {
        weights[String(k.dropFirst(prefix.count + 8))] = v
    }
    return (file.tensors[prefix + "input"]!, file.tensors[prefix + "output"]!, file.tensors[prefix + "maps.channel"]!, weights)
}

@Test func blockWithReferenceWeightsReproducesPyTorch() throws {
    let folder = try TemporaryFolder()
    let ref = try seReference()
    try SafeTensors.write(["input": ref.input], to: URL(fileURLWithPath: folder.path("in.safetensors")))
    try SafeTensors.write(ref.weights, to: URL(fileURLWithPath: folder.path("w.safetensors")))
    let result = try BuiltBinary.run(["block", "se", "--input", folder.path("in.safetensors"),
                                      "--weights", folder.path("w.safetensors"), "--out", folder.path("out.safetensors")])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("maps.channel [2, 32]"))
    let out = try SafeTensors.read(contentsOf: URL(fileURLWithPath: folder.path("out.safetensors")))
    assertClose(out.tensors["output"]!, ref.output, "output")
    assertClose(out.tensors["maps.channel"]!, ref.channel, "maps.channel")
    #expect(out.metadata["block"] == "se")
}

@Test func blockWithoutWeightsUsesTheSeededInit() throws {
    let folder = try TemporaryFolder()
    try SafeTensors.write(["input": Tensor(shape: [1, 32, 3, 4], repeating: 1)], to: URL(fileURLWithPath: folder.path("in.safetensors")))
    func run(_ seed: String, _ out: String) throws -> Tensor {
        let r = try BuiltBinary.run(["block", "se", "--input", folder.path("in.safetensors"), "--seed", seed,
                                     "--set", "reduction=4", "--out", folder.path(out)])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("untrained, seed \(seed)") && r.stdout.contains("reduction=4"))
        return try SafeTensors.read(contentsOf: URL(fileURLWithPath: folder.path(out))).tensors["output"]!
    }
    #expect(try run("0", "a.safetensors") == run("0", "b.safetensors"))
    #expect(try run("0", "a.safetensors") != run("7", "c.safetensors"))
}

/// Runs `block se` with weights edited by `edit`, expecting failure with `message` on one line.
private func expectBlockFailure(
    weights edit: (inout [String: Tensor]) -> Void = { _ in }, rawWeights: [UInt8]? = nil,
    input: [String: Tensor]? = nil, extra: [String] = [], message: String
) throws {
    let folder = try TemporaryFolder()
    let ref = try seReference()
    try SafeTensors.write(input ?? ["input": ref.input], to: URL(fileURLWithPath: folder.path("in.safetensors")))
    var weights = ref.weights
    edit(&weights)
    if let rawWeights {
        try Data(rawWeights).write(to: URL(fileURLWithPath: folder.path("w.safetensors")))
    } else {
        try SafeTensors.write(weights, to: URL(fileURLWithPath: folder.path("w.safetensors")))
    }
    let result = try BuiltBinary.run(["block", "se", "--input", folder.path("in.safetensors"),
                                      "--weights", folder.path("w.safetensors"), "--out", folder.path("out.safetensors")] + extra)
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("out.safetensors")))
}

@Test func missingKeyIsAnError() throws {
    try expectBlockFailure(weights: { $0["fc1.bias"] = nil }, message: "se: missing key 'fc1.bias' (expected shape [2])")
}

@Test func unexpectedKeyIsAnError() throws {
    try expectBlockFailure(weights: { $0["module.fc1.bias"] = Tensor(zeros: [2]) }, message: "se: unexpected key 'module.fc1.bias'")
}

@Test func wrongShapeIsAnError() throws {
    try expectBlockFailure(weights: { $0["fc2.weight"] = Tensor(zeros: [32, 3]) },
                           message: "se: key 'fc2.weight' has shape [32, 3], expected [32, 2]")
}

@Test func corruptWeightsFileIsAnError() throws {
    var bytes = SafeTensors.encode(try seReference().weights)
    bytes.removeLast(100)
    try expectBlockFailure(rawWeights: bytes, message: "safetensors:")
}

@Test func inputWithoutTheInputTensorIsAnError() throws {
    try expectBlockFailure(input: ["x": Tensor(zeros: [1, 32, 2, 2])], message: "has no tensor 'input' (it has: x)")
}

@Test func badOptionIsAnError() throws {
    try expectBlockFailure(extra: ["--set", "reduction=4"], message: "se: key 'fc1.weight' has shape [2, 32], expected [8, 32]")
    try expectBlockFailure(extra: ["--set", "ratio=4"], message: "se: unknown option 'ratio'")
}

@Test func unknownBlockIsAnError() throws {
    let result = try BuiltBinary.run(["block", "nonesuch", "--input", "x", "--out", "y"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown block 'nonesuch'"))
}

@Test func blockReadsWeightsFromAPyTorchCheckpoint() throws {
    // The same weights saved by torch.save under "state_dict" with DataParallel's "module." prefix.
    let folder = try TemporaryFolder()
    let ref = try seReference()
    try SafeTensors.write(["input": ref.input], to: URL(fileURLWithPath: folder.path("in.safetensors")))
    let result = try BuiltBinary.run(["block", "se", "--input", folder.path("in.safetensors"),
                                      "--weights", Fixtures.url("checkpoints/se_r16_dataparallel.pth").path,
                                      "--out", folder.path("out.safetensors")])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let out = try SafeTensors.read(contentsOf: URL(fileURLWithPath: folder.path("out.safetensors")))
    assertClose(out.tensors["output"]!, ref.output, "output")
}

@Test func hostileAndMutatedCheckpointsFailWithOneLine() throws {
    // A checkpoint whose pickle names os.system, and the SE checkpoint with fc1.bias's stride
    // rewritten to 2^31 - 1 (same length: BININT1 2 -> BININT2 2, and the stride BININT1 1 ->
    // BININT 0x7fffffff instead of two memo puts): each exits 1 with one line, writes nothing.
    let marker = "/tmp/attnview-pwned-reduce_zip"
    try? FileManager.default.removeItem(atPath: marker)
    try expectBlockFailure(rawWeights: [UInt8](try Data(contentsOf: Fixtures.url("hostile/reduce_zip.pth"))),
                           message: "refusing global 'posix.system'")
    #expect(!FileManager.default.fileExists(atPath: marker))

    var mutated = [UInt8](try Data(contentsOf: Fixtures.url("checkpoints/se_r16_dataparallel.pth")))
    let original: [UInt8] = [0x51, 0x4B, 0x00, 0x4B, 0x02, 0x85, 0x71, 0x0B, 0x4B, 0x01, 0x85, 0x71, 0x0C]
    let at = try #require(mutated.indices.first { mutated[$0...].starts(with: original) })
    mutated.replaceSubrange(at..<(at + original.count), with: [0x51, 0x4B, 0x00, 0x4D, 0x02, 0x00, 0x85, 0x4A, 0xFF, 0xFF, 0xFF, 0x7F, 0x85])
    try expectBlockFailure(rawWeights: mutated, message: "tensor 'fc1.bias' (size [2], stride [2147483647], offset 0) reaches element 2147483647 of a 2-element storage '0'")
}
