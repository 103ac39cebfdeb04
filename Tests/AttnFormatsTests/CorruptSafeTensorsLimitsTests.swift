// Safetensors headers with numbers chosen to overflow or to make the reader allocate: huge
// length prefixes, shapes whose products overflow (with and without a zero dimension), more
// dimensions than any tensor has, offsets at Int.max, and keys and dtypes full of control bytes
// or too long to print. Each is one error of its kind, escaped and cut.
@testable import AttnFormats
import AttnEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct CorruptSafeTensorsLimitsTests {
    private static let entryB = "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[24,40]}"

    private func withB(_ replacement: String) -> [UInt8] {
        editingHeader(sampleFile, replacing: Self.entryB, with: replacement)
    }

    @Test(arguments: [
        ("[4611686018427387904,4]", "[4611686018427387904, 4]"),
        ("[9223372036854775807]", "[9223372036854775807]"),
        ("[4294967296,4294967296]", "[4294967296, 4294967296]"),
        ("[0,9223372036854775807,9223372036854775807]", "[0, 9223372036854775807, 9223372036854775807]"),
        ("[9223372036854775807,9223372036854775807,0]", "[9223372036854775807, 9223372036854775807, 0]"),
    ])
    func shapeProductsThatOverflowAreRefused(shape: String, shown: String) {
        let error = expectDecodeError(withB("\"b\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[24,24]}"),
                                      kind: .invalidShape, tensor: "b", mentions: ["too large to address"])
        #expect(error?.description == "safetensors: tensor 'b' shape \(shown) is too large to address")
    }

    @Test func emptyTensorsWithLargeDimensionsStillRead() throws {
        let file = try SafeTensors.decode(withB("\"b\":{\"dtype\":\"F32\",\"shape\":[0,1099511627776],\"data_offsets\":[24,24]}"))
        #expect(file.tensors["b"] == Tensor(shape: [0, 1 << 40], data: []))
    }

    @Test func tooManyDimensions() {
        let shape = "[" + Array(repeating: "1", count: 65).joined(separator: ",") + "]"
        let error = expectDecodeError(withB("\"b\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[24,28]}"),
                                      kind: .invalidShape, tensor: "b")
        #expect(error?.description == "safetensors: tensor 'b' shape has 65 dimensions, more than 64")
    }

    @Test(arguments: [
        ("[0,9223372036854775807]", "beyond the data section"),
        ("[9223372036854775807,9223372036854775807]", "beyond the data section"),
        ("[9223372036854775807,0]", "begin after end"),
    ])
    func offsetsAtIntMax(offsets: String, problem: String) {
        expectDecodeError(withB("\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":\(offsets)}"),
                          kind: problem == "begin after end" ? .invalidOffsets : .outOfBounds, tensor: "b",
                          byteOffset: Int.max, mentions: [problem])
    }

    @Test(arguments: [UInt64(1) << 62, UInt64(Int64.max), UInt64.max - 7])
    func hugeHeaderLengthsBeforeAJSONHeader(length: UInt64) {
        // The first byte after the prefix is "{", so the file does look like safetensors.
        expectDecodeError(withLengthPrefix(length, sampleFile), kind: .headerLengthOutOfRange, byteOffset: 0,
                          mentions: ["header length \(length)", "exceeds the limit of 100000000 bytes"])
    }

    @Test func keysAreEscapedAndCut() {
        let hostile = "w\u{1B}[2J\u{1B}]0;pwned\u{07}\r"
        let error = expectDecodeError(
            withB("\"b\":{},\"\(hostile.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\u%04x", $0.value) : String($0) }.joined())\":{\"dtype\":\"F32\",\"shape\":[5],\"data_offsets\":[24,40]}"),
            kind: .invalidEntry, tensor: "b")
        #expect(error?.description == "safetensors: tensor 'b' in the header lacks \"dtype\"")
        let key = "w\\u001b[2J\\u001b]0;pwned\\u0007\\r"
        let sized = withB("\"\(key)\":{\"dtype\":\"F32\",\"shape\":[5],\"data_offsets\":[24,40]}")
        let sizeError = expectDecodeError(sized, kind: .sizeMismatch, tensor: hostile, byteOffset: dataStart(of: sized) + 24)
        #expect(sizeError?.description.contains("tensor 'w\\x1B[2J\\x1B]0;pwned\\x07\\x0D' data_offsets [24, 40]") == true,
                "\(String(describing: sizeError))")
        let long = String(repeating: "k", count: 5000)
        let longKeyed = withB("\"\(long)\":{\"dtype\":\"F32\",\"shape\":[5],\"data_offsets\":[24,40]}")
        let longError = expectDecodeError(longKeyed, kind: .sizeMismatch, tensor: long, byteOffset: dataStart(of: longKeyed) + 24,
                                          mentions: ["… (4920 more)"])
        #expect((longError?.description.count ?? 0) < 400)
    }

    @Test func dtypesAndShapesQuotedFromTheFileAreEscaped() {
        let error = expectDecodeError(withB("\"b\":{\"dtype\":\"F\\u001b[31m32\",\"shape\":[4],\"data_offsets\":[24,40]}"),
                                      kind: .unknownDType, tensor: "b")
        #expect(error?.description == "safetensors: tensor 'b' has unknown dtype \"F\\x1B[31m32\"")
        let shapeError = expectDecodeError(withB("\"b\":{\"dtype\":\"F32\",\"shape\":[\"\\u001b[2J\"],\"data_offsets\":[24,40]}"),
                                           kind: .invalidShape, tensor: "b")
        #expect(shapeError.map { !$0.description.contains("\u{1B}") } == true)
    }
}
