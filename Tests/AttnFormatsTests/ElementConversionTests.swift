// Widening of each integer dtype, checked by relabelling the bytes of a known F32 tensor, which
// pins the byte order and signedness independently of the PyTorch fixtures.
import AttnEngine
@testable import AttnFormats
import Testing

@Suite struct ElementConversionTests {
    /// One F32 tensor 'x' of 16 bytes: 1.0 = 00 00 80 3F, -2.0 = 00 00 00 C0, and two values whose
    /// bytes exercise sign bits and non-0/1 bytes.
    let file = SafeTensors.encode([
        "x": Tensor(shape: [4], data: [1, -2, Float(bitPattern: 0x8001_02FF), Float(bitPattern: 0x7F00_0080)]),
    ])
    let bytes: [UInt8] = [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0, 0xFF, 0x02, 0x01, 0x80, 0x80, 0x00, 0x00, 0x7F]

    func relabelled(_ dtype: SafeTensorsDType, shape: String) throws -> [Float] {
        var edited = editingHeader(file, replacing: "\"F32\"", with: "\"\(dtype.rawValue)\"")
        edited = editingHeader(edited, replacing: "[4]", with: shape)
        let decoded = try SafeTensors.decode(edited)
        #expect(decoded.dtypes["x"] == dtype)
        return try #require(decoded.tensors["x"]).data
    }

    @Test func encodedBytesAreTheOnesAssumed() {
        #expect(Array(file.suffix(16)) == bytes)
    }

    @Test func unsignedAndBoolBytes() throws {
        #expect(try relabelled(.U8, shape: "[16]") == bytes.map(Float.init))
        // Any nonzero byte is true, as PyTorch reads it, so 0x80 and 0xFF are 1 too.
        #expect(try relabelled(.BOOL, shape: "[4,4]") == bytes.map { $0 == 0 ? 0 : 1 })
    }

    @Test func signedIntegersLittleEndian() throws {
        #expect(try relabelled(.I8, shape: "[16]") == bytes.map { Float(Int8(bitPattern: $0)) })
        #expect(try relabelled(.I16, shape: "[8]") == [0, 16256, 0, -16384, 767, -32767, 128, 32512])
        #expect(try relabelled(.I32, shape: "[4]")
            == [1_065_353_216, -1_073_741_824, Float(Int32(bitPattern: 0x8001_02FF)), 2_130_706_560])
        #expect(try relabelled(.I64, shape: "[2]")
            == [Float(Int64(bitPattern: 0xC000_0000_3F80_0000)), Float(Int64(bitPattern: 0x7F00_0080_8001_02FF))])
    }

    @Test func floatsLittleEndian() throws {
        #expect(try relabelled(.F16, shape: "[8]").prefix(4) == [0, 1.875, 0, -2])
        #expect(try relabelled(.BF16, shape: "[8]").prefix(4) == [0, 1, 0, -2])
        #expect(try relabelled(.F64, shape: "[2]").first == Float(Double(bitPattern: 0xC000_0000_3F80_0000)))
    }
}
