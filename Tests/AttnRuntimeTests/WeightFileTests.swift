// WeightFile on the files a user passes to --weights: safetensors and both checkpoint formats are
// read whatever their names; a legacy .pth with a damaged magic number, a bare pickle or a
// hostile checkpoint is refused by the checkpoint reader in its own words (not reported as a
// safetensors header error), and a refused payload runs nothing.
import AttnRuntime
import AttnTestSupport
import Foundation
import Testing

private func withFile<T>(_ bytes: [UInt8], name: String, _ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-weightfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return try body(url)
}

private func fixture(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: Fixtures.url(path)))
}

private func weightFileError(_ bytes: [UInt8], name: String = "weights.bin") throws -> String? {
    try withFile(bytes, name: name) { url in
        do {
            _ = try WeightFile.read(url)
            return nil
        } catch {
            return "\(error)"
        }
    }
}

@Suite struct WeightFileTests {
    @Test func formatsAreToldByContentNotName() throws {
        let legacy = try withFile(try fixture("checkpoints/mixed_legacy.pth"), name: "weights.safetensors") { try WeightFile.read($0) }
        #expect(legacy["transposed"]?.shape == [6, 4])
        let zip = try withFile(try fixture("checkpoints/nested_state_dict_zip.pth"), name: "w.bin") { try WeightFile.read($0) }
        #expect(zip["fc.bias"]?.shape == [3])
        let safetensors = try withFile(try fixture("blocks/se.safetensors"), name: "se.pth") { try WeightFile.read($0) }
        #expect(!safetensors.isEmpty)
    }

    @Test func damagedLegacyMagicNumbersAreNamed() throws {
        var oneByte = try fixture("checkpoints/mixed_legacy.pth")
        oneByte[9] ^= 0x10
        #expect(try weightFileError(oneByte, name: "model.pth")
                == "checkpoint: model.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (1 of its first 15 bytes differ)")
        var firstFour = try fixture("checkpoints/mixed_legacy.pth")
        firstFour.replaceSubrange(0..<4, with: [0x7B, 0x22, 0x00, 0xFF])
        #expect(try weightFileError(firstFour, name: "model.pth")
                == "checkpoint: model.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (4 of its first 15 bytes differ)")
    }

    @Test func otherPicklesAndOtherFilesSayWhatTheyAre() throws {
        #expect(try weightFileError([0x80, 0x04, 0x95, 0x03, 0, 0, 0, 0, 0, 0, 0, 0x4B, 0x05, 0x2E], name: "p.pkl")
                == "checkpoint: p.pkl is a Python pickle (protocol 4) but not a PyTorch checkpoint: it lacks the legacy format's magic number")
        let text = try weightFileError(Array("just some text, not weights".utf8), name: "notes.txt")
        #expect(text?.hasPrefix("safetensors: ") == true && text?.contains("not a safetensors file (no JSON header") == true,
                "\(String(describing: text))")
    }

    @Test(arguments: ["reduce_legacy", "stack_global_zip", "inst_zip", "persid_reduce_legacy"])
    func hostileCheckpointsRunNothing(file: String) throws {
        let marker = "/tmp/attnview-pwned-\(file)"
        try? FileManager.default.removeItem(atPath: marker)
        let error = try weightFileError(try fixture("hostile/\(file).pth"), name: "\(file).pth")
        #expect(error?.contains("refusing global 'posix.system'") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
