// Corrupt files whose JSON header is unreadable or whose entries lack or misstate a field.
@testable import AttnFormats
import Testing

@Suite struct CorruptHeaderTests {
    @Test func headerNotJSON() {
        expectDecodeError(withHeader(Array("{\"a\":".utf8), dataOf: sampleFile),
                          kind: .invalidHeader, byteOffset: 8, mentions: ["not valid JSON", "5 bytes"])
    }

    @Test func headerNotUTF8() {
        let header = Array("{\"".utf8) + [0xFF, 0xFE] + Array("\":{}}".utf8)
        expectDecodeError(withHeader(header, dataOf: sampleFile),
                          kind: .invalidHeader, byteOffset: 8, mentions: ["UTF-8"])
    }

    @Test(arguments: ["[1, 2]", "\"a\"", "42", "null"])
    func headerNotAnObject(header: String) {
        expectDecodeError(withHeader(Array(header.utf8), dataOf: sampleFile),
                          kind: .invalidHeader, byteOffset: 8, mentions: ["not a JSON object"])
    }

    @Test func metadataValueNotString() {
        let edited = editingHeader(sampleFile, replacing: "{\"a\":", with: "{\"__metadata__\":{\"epoch\":3},\"a\":")
        expectDecodeError(edited, kind: .invalidHeader, byteOffset: 8, mentions: ["__metadata__", "'epoch'"])
    }

    @Test func metadataNotObject() {
        let edited = editingHeader(sampleFile, replacing: "{\"a\":", with: "{\"__metadata__\":[],\"a\":")
        expectDecodeError(edited, kind: .invalidHeader, byteOffset: 8, mentions: ["__metadata__"])
    }

    @Test func entryNotObject() {
        let edited = editingHeader(sampleFile, replacing: "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[24,40]}",
                                   with: "\"b\":5")
        expectDecodeError(edited, kind: .invalidEntry, tensor: "b", mentions: ["not a JSON object"])
    }

    @Test(arguments: [
        ("\"b\":{\"dtype\":\"F32\",", "\"b\":{", "dtype"),
        ("\"shape\":[4],", "", "shape"),
        (",\"data_offsets\":[24,40]", "", "data_offsets"),
    ])
    func entryMissingField(original: String, replacement: String, field: String) {
        expectDecodeError(editingHeader(sampleFile, replacing: original, with: replacement),
                          kind: .invalidEntry, tensor: "b", mentions: ["lacks \"\(field)\""])
    }

    @Test(arguments: ["F31", "f32", "FLOAT"])
    func unknownDType(name: String) {
        let edited = editingHeader(sampleFile, replacing: "\"b\":{\"dtype\":\"F32\"", with: "\"b\":{\"dtype\":\"\(name)\"")
        expectDecodeError(edited, kind: .unknownDType, tensor: "b", mentions: ["\"\(name)\""])
    }

    @Test func dtypeNotString() {
        let edited = editingHeader(sampleFile, replacing: "\"b\":{\"dtype\":\"F32\"", with: "\"b\":{\"dtype\":4")
        expectDecodeError(edited, kind: .invalidEntry, tensor: "b", mentions: ["dtype"])
    }

    @Test(arguments: ["-4", "4.0", "2.5", "true", "\"4\"", "null", "1e1", "18446744073709551616"])
    func shapeNotNonNegativeInteger(dimension: String) {
        let edited = editingHeader(sampleFile, replacing: "\"shape\":[4]", with: "\"shape\":[\(dimension)]")
        expectDecodeError(edited, kind: .invalidShape, tensor: "b", mentions: ["shape"])
    }

    @Test func shapeNotArray() {
        let edited = editingHeader(sampleFile, replacing: "\"shape\":[4]", with: "\"shape\":4")
        expectDecodeError(edited, kind: .invalidEntry, tensor: "b", mentions: ["shape"])
    }

    @Test func shapeTooLargeToAddress() {
        let edited = editingHeader(sampleFile, replacing: "\"shape\":[4]", with: "\"shape\":[9223372036854775807,4]")
        expectDecodeError(edited, kind: .invalidShape, tensor: "b", mentions: ["too large"])
    }

    @Test(arguments: ["[24]", "[24,40,44]", "[-1,40]", "[\"24\",40]", "[24.5,40]", "24", "[24,18446744073709551615]"])
    func dataOffsetsNotTwoNonNegativeIntegers(offsets: String) {
        let edited = editingHeader(sampleFile, replacing: "[24,40]", with: offsets)
        expectDecodeError(edited, kind: .invalidOffsets, tensor: "b", mentions: ["data_offsets"])
    }
}
