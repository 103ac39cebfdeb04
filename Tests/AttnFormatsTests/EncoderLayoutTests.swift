// The writer's byte layout: length prefix, space padding to a multiple of 8, tensors stored
// contiguously in key order, little-endian, and byte-identical to PyTorch's safetensors writer.
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

@Suite struct EncoderLayoutTests {
    @Test(arguments: 1...16)
    func headerPaddedWithSpacesToMultipleOfEight(keyLength: Int) throws {
        // Growing the key by one byte at a time walks the unpadded length through every residue mod 8.
        let bytes = SafeTensors.encode([String(repeating: "k", count: keyLength): Tensor(shape: [3], data: [1, 2, 3])])
        let length = headerLength(of: bytes)
        #expect(length % 8 == 0)
        #expect(bytes.count == 8 + length + 12)
        let header = headerText(of: bytes)
        let json = header.trimmingCharacters(in: .whitespaces)
        #expect(json.hasSuffix("}"))
        #expect(header.count - json.count < 8)
        #expect(header.dropFirst(json.count).allSatisfy { $0 == " " })
    }

    @Test func tensorsContiguousInKeyOrder() throws {
        let tensors = [
            "b": Tensor(zeros: [2, 3]), "a": Tensor(zeros: [5]), "c.0": Tensor(zeros: [0]),
            "B": Tensor(scalar: 1), "c": Tensor(zeros: [1, 2]),
        ]
        let bytes = SafeTensors.encode(tensors)
        let header = try #require(
            try JSONSerialization.jsonObject(with: Data(headerText(of: bytes).utf8)) as? [String: [String: Any]])
        let offsets = try header.keys.sorted().map { key in
            try #require(header[key]?["data_offsets"] as? [Int], "\(key)")
        }
        #expect(header.keys.sorted() == ["B", "a", "b", "c", "c.0"])
        var expectedBegin = 0
        for (key, range) in zip(header.keys.sorted(), offsets) {
            #expect(range == [expectedBegin, expectedBegin + 4 * tensors[key]!.count], "\(key)")
            expectedBegin = range[1]
        }
        #expect(bytes.count == dataStart(of: bytes) + expectedBegin)
    }

    @Test func littleEndianPrefixAndValues() {
        let bytes = SafeTensors.encode(["x": Tensor(shape: [2], data: [1, -2])])
        #expect(Array(bytes.prefix(8)) == [UInt8(headerLength(of: bytes)), 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes.suffix(8)) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
    }

    @Test func sameBytesAsPyTorchWriter() throws {
        let pythonBytes = [UInt8](try Data(contentsOf: Fixtures.url("safetensors/f32_only.safetensors")))
        let file = try SafeTensors.decode(pythonBytes)
        #expect(file.tensors.count == 4)
        #expect(SafeTensors.encode(file.tensors, metadata: file.metadata) == pythonBytes)
    }
}
