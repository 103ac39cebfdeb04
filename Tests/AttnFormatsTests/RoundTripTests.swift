// Encode then decode gives back the same tensors bit for bit, with metadata and dtypes.
import AttnEngine
import AttnFormats
import Foundation
import Testing

@Suite struct RoundTripTests {
    static let specialValues: [Float] = [
        -0.0, 0.0, .infinity, -.infinity, .greatestFiniteMagnitude, -.leastNormalMagnitude,
        .leastNonzeroMagnitude, 0.1, -1e-30, Float(nan: 0x1234, signaling: false), -.nan,
    ]

    static let tensors: [String: Tensor] = [
        "conv.weight": Tensor(shape: [2, 1, 3, 3], data: (0..<18).map { Float($0) * 0.37 - 3 }),
        "scalar": Tensor(scalar: -7.25),
        "empty": Tensor(zeros: [0, 5]),
        "empty.middle": Tensor(zeros: [3, 0, 2]),
        "ones": Tensor(shape: [1, 1, 1, 1], data: [1]),
        "special": Tensor(shape: [specialValues.count], data: specialValues),
    ]

    func expectBitIdentical(_ decoded: [String: Tensor], _ original: [String: Tensor]) {
        #expect(decoded.keys.sorted() == original.keys.sorted())
        for (key, tensor) in original {
            #expect(decoded[key]?.shape == tensor.shape, "\(key)")
            #expect(decoded[key]?.data.map(\.bitPattern) == tensor.data.map(\.bitPattern), "\(key)")
        }
    }

    @Test func tensorsComeBackBitIdentical() throws {
        let file = try SafeTensors.decode(SafeTensors.encode(Self.tensors))
        expectBitIdentical(file.tensors, Self.tensors)
        #expect(file.metadata.isEmpty)
        #expect(Set(file.dtypes.values) == [.F32])
        #expect(file.dtypes.count == Self.tensors.count)
    }

    @Test func metadataIsKept() throws {
        let metadata = ["format": "pt", "note": "line one\nline \"two\"\t\\ ünïcødé \u{1}", "empty": ""]
        let file = try SafeTensors.decode(SafeTensors.encode(Self.tensors, metadata: metadata))
        #expect(file.metadata == metadata)
        expectBitIdentical(file.tensors, Self.tensors)
    }

    @Test func keysNeedingEscapesSurvive() throws {
        let tensors = [
            "quote\"back\\slash": Tensor(scalar: 1), "new\nline": Tensor(scalar: 2),
            "ünïcødé.weight": Tensor(scalar: 3), "\u{7}bell": Tensor(scalar: 4), "": Tensor(scalar: 5),
        ]
        let file = try SafeTensors.decode(SafeTensors.encode(tensors))
        expectBitIdentical(file.tensors, tensors)
    }

    @Test func noTensorsAtAll() throws {
        let bytes = SafeTensors.encode([:])
        #expect(bytes.count == 16)
        let file = try SafeTensors.decode(bytes)
        #expect(file.tensors.isEmpty && file.metadata.isEmpty)
    }

    @Test func writeThenRead() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("attnview-roundtrip-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors.write(Self.tensors, metadata: ["k": "v"], to: url)
        let file = try SafeTensors.read(contentsOf: url)
        expectBitIdentical(file.tensors, Self.tensors)
        #expect(file.metadata == ["k": "v"])
        #expect(try Data(contentsOf: url) == Data(SafeTensors.encode(Self.tensors, metadata: ["k": "v"])))
    }

    @Test func writeIntoMissingDirectoryFails() {
        let url = URL(fileURLWithPath: "/nonexistent-attnview-dir/\(UUID().uuidString)/x.safetensors")
        let error = #expect(throws: SafeTensorsError.self) { try SafeTensors.write(Self.tensors, to: url) }
        #expect(error?.kind == .fileUnwritable)
        #expect(error?.description.contains(url.path) == true)
    }
}
