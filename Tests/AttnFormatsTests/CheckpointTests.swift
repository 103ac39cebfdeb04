// PyTorch checkpoints written by torch.save (scripts/fixtures/make_checkpoint_fixtures.py), in the
// zip and legacy formats: every dtype, non-contiguous views, nested state_dicts, "module."
// prefixes; pickles naming os.system are refused and run nothing; truncated and corrupt files
// give one clear error.
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

private let expected = try! SafeTensors.read(contentsOf: Fixtures.url("checkpoints/expected.safetensors")).tensors

private func checkpoint(_ name: String) throws -> CheckpointFile {
    try PyTorchCheckpoint.read(contentsOf: Fixtures.url("checkpoints/\(name).pth"))
}

private func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: Fixtures.url("checkpoints/\(name).pth")))
}

@Test(arguments: ["mixed_zip", "mixed_legacy", "nested_state_dict_zip", "nested_model_legacy"])
func checkpointMatchesWhatPyTorchSaved(name: String) throws {
    let file = try checkpoint(name)
    let wanted = expected.filter { $0.key.hasPrefix(name + "/") }
    #expect(!wanted.isEmpty)
    #expect(Set(file.tensors.keys) == Set(wanted.keys.map { String($0.dropFirst(name.count + 1)) }))
    for (key, value) in wanted {
        let k = String(key.dropFirst(name.count + 1))
        guard let actual = file.tensors[k] else { continue }
        assertClose(actual, value, rtol: 0, atol: 0, "\(name): \(k)")
    }
    #expect(file.format == (name.hasSuffix("zip") ? "zip" : "legacy"))
}

@Test func dtypesAndViewsAreRead() throws {
    let file = try checkpoint("mixed_zip")
    #expect(file.dtypes["half"] == "F16" && file.dtypes["bf16"] == "BF16" && file.dtypes["double"] == "F64")
    #expect(file.dtypes["long"] == "I64" && file.dtypes["bool"] == "BOOL" && file.dtypes["byte"] == "U8")
    #expect(file.tensors["long"]!.data == [-3, 0, 7, 1_099_511_627_776])
    #expect(file.tensors["transposed"]!.shape == [6, 4])
    #expect(file.tensors["strided_slice"]!.shape == [3, 3])
}

@Test(arguments: ["exploit_zip", "exploit_legacy"])
func picklesNamingOtherGlobalsAreRefusedAndRunNothing(name: String) throws {
    let marker = "attnview-checkpoint-exploit-ran"
    try? FileManager.default.removeItem(atPath: marker)
    #expect {
        _ = try checkpoint(name)
    } throws: { error in
        expectReadable("\(error)")
        return "\(error)".contains("refusing global 'posix.system'")
    }
    #expect(!FileManager.default.fileExists(atPath: marker))
}

@Test(arguments: ["mixed_zip", "mixed_legacy"])
func truncatedCheckpointsFailCleanly(name: String) throws {
    let whole = try bytes(name)
    for cut in [0, 3, 20, whole.count / 3, whole.count / 2, whole.count - 30, whole.count - 1] {
        let error = #expect(throws: CheckpointError.self, "cut at \(cut)") {
            _ = try PyTorchCheckpoint.decode(Array(whole.prefix(cut)), name: "\(name).pth")
        }
        if let error { expectReadable(error.description) }
    }
}

@Test func corruptStorageOffsetsAreCaught() throws {
    var zip = try bytes("mixed_zip")
    // Point the first central-directory entry's local header far beyond the file.
    let directory = zip.indices.dropLast(4).first { zip[$0] == 0x50 && zip[$0 + 1] == 0x4B && zip[$0 + 2] == 0x01 && zip[$0 + 3] == 0x02 }!
    for i in 0..<4 { zip[directory + 42 + i] = 0xEE }
    #expect {
        _ = try PyTorchCheckpoint.decode(zip, name: "x.pth")
    } throws: { error in expectReadable("\(error)"); return "\(error)".contains("exceeds the file") }
}

@Test func legacyStorageCountBeyondTheFileIsCaught() throws {
    var legacy = try bytes("mixed_legacy")
    // The "bool" storage: its element count 3 (int64) followed by its bytes 1, 0, 1.
    let pattern: [UInt8] = [3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]
    let at = try #require(legacy.indices.first { legacy[$0...].starts(with: pattern) })
    legacy[at + 6] = 0x40
    #expect {
        _ = try PyTorchCheckpoint.decode(legacy, name: "x.pth")
    } throws: { error in
        expectReadable("\(error)")
        return "\(error)".contains("claims") && "\(error)".contains("more than the file holds")
    }
}

@Test func notACheckpointIsNamed() {
    #expect {
        _ = try PyTorchCheckpoint.decode(Array("hello world".utf8), name: "notes.txt")
    } throws: { error in "\(error)" == "checkpoint: notes.txt is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)" }
}

@Test func checkpointsSavedFromAGPUAreRead() throws {
    // A model saved on a GPU names torch.cuda.FloatStorage: the same bytes, placed elsewhere by PyTorch.
    let original = try bytes("mixed_legacy")
    let (cpu, gpu) = (Array("ctorch\nFloatStorage\n".utf8), Array("ctorch.cuda\nFloatStorage\n".utf8))
    guard let at = (0...(original.count - cpu.count)).first(where: { Array(original[$0..<($0 + cpu.count)]) == cpu }) else {
        Issue.record("the fixture names no torch.FloatStorage")
        return
    }
    let patched = Array(original[..<at]) + gpu + Array(original[(at + cpu.count)...])
    let file = try PyTorchCheckpoint.decode(patched, name: "gpu.pth")
    #expect(file.tensors == (try checkpoint("mixed_legacy")).tensors)
}
