// Reading files written by PyTorch's safetensors package, in every dtype, against the float32
// bit patterns PyTorch itself gave when widening the same tensors (Tests/Fixtures/safetensors,
// written by scripts/fixtures/make_safetensors_fixtures.py).
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

/// expected.json: file name -> tensor name -> what tensor.to(torch.float32) gave.
private struct ExpectedTensor: Decodable {
    var shape: [Int]
    var float32_bits: [UInt32]
}

private let expected: [String: [String: ExpectedTensor]] = {
    do {
        let data = try Data(contentsOf: Fixtures.url("safetensors/expected.json"))
        return try JSONDecoder().decode([String: [String: ExpectedTensor]].self, from: data)
    } catch {
        Issue.record("cannot load expected.json: \(error)")
        return [:]
    }
}()

/// The bit pattern, except that every NaN counts as one: PyTorch's own F16 widening fills the
/// NaN payload with ones (0x7FFFFFFF) where IEEE widening gives 0x7FC00000, and the payload means
/// nothing to us.
private func comparableBits(_ value: Float) -> UInt32 {
    value.isNaN ? Float.nan.bitPattern : value.bitPattern
}

private func expectMatchesPyTorch(_ fileName: String) throws -> SafeTensorsFile {
    let file = try SafeTensors.read(contentsOf: Fixtures.url("safetensors/\(fileName)"))
    let tensors = try #require(expected[fileName], "expected.json lacks \(fileName)")
    #expect(file.tensors.keys.sorted() == tensors.keys.sorted(), "\(fileName)")
    for (key, want) in tensors {
        let tensor = try #require(file.tensors[key], "\(fileName): \(key)")
        #expect(tensor.shape == want.shape, "\(fileName): \(key)")
        #expect(tensor.data.map(comparableBits) == want.float32_bits.map { comparableBits(Float(bitPattern: $0)) },
                "\(fileName): \(key) got \(tensor.data), want \(want.float32_bits.map(Float.init(bitPattern:)))")
    }
    return file
}

@Suite struct PyTorchFixtureTests {
    @Test(arguments: SafeTensorsDType.allCases)
    func readsEveryDType(dtype: SafeTensorsDType) throws {
        let file = try expectMatchesPyTorch("\(dtype.rawValue).safetensors")
        #expect(file.dtypes == ["values": dtype, "edges": dtype])
        #expect(file.tensors["values"]?.shape == [2, 3])
    }

    @Test func readsMixedDTypesWithMetadata() throws {
        let file = try expectMatchesPyTorch("mixed.safetensors")
        #expect(file.metadata == ["format": "pt"])
        #expect(file.dtypes == [
            "conv.weight": .F32, "conv.bias": .F32, "scale": .F32, "empty": .F32,
            "half.weight": .F16, "steps": .I64,
        ])
        #expect(file.tensors["scale"] == Tensor(scalar: 2.5))
        #expect(file.tensors["empty"] == Tensor(zeros: [0, 3]))
        #expect(file.tensors["steps"]?.data == [1, -2, 3])
        // conv.weight was written as arange(18) / 8 - 1.
        let convWeight = Tensor(shape: [2, 1, 3, 3], data: (0..<18).map { Float($0) / 8 - 1 })
        assertClose(try #require(file.tensors["conv.weight"]), convWeight, rtol: 0, atol: 0, "conv.weight")
    }

    @Test func expectedValuesCoverEveryFixture() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("safetensors").path)
            .filter { $0.hasSuffix(".safetensors") }
        #expect(Set(files) == Set(expected.keys))
        #expect(files.count == SafeTensorsDType.allCases.count + 2)
    }
}
