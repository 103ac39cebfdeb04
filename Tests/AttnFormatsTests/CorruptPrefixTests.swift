// Corrupt files whose 8-byte header-length prefix is missing, cut short, or points past the end
// of the file, and files that cannot be read at all.
@testable import AttnFormats
import AttnTestSupport
import Foundation
import Testing

@Suite struct CorruptPrefixTests {
    @Test func sampleIsValid() throws {
        // Every corrupt case edits this file; it must decode when untouched.
        let file = try SafeTensors.decode(sampleFile)
        #expect(file.tensors.keys.sorted() == ["a", "b", "c"])
        #expect(headerText(of: sampleFile).contains("\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[24,40]}"))
    }

    @Test(arguments: [0, 1, 5, 7])
    func fileShorterThanPrefix(length: Int) {
        expectDecodeError(Array(sampleFile.prefix(length)), kind: .fileTooShort, byteOffset: 0,
                          mentions: ["\(length) bytes"])
    }

    @Test func headerLengthPastEndOfFile() {
        let length = UInt64(sampleFile.count - 7)
        expectDecodeError(withLengthPrefix(length, sampleFile), kind: .headerLengthOutOfRange, byteOffset: 0,
                          mentions: ["header length \(length)", "\(sampleFile.count)-byte file"])
    }

    @Test func fileTruncatedInsideHeader() {
        let truncated = Array(sampleFile.prefix(40))
        expectDecodeError(truncated, kind: .headerLengthOutOfRange, byteOffset: 0,
                          mentions: ["header length \(headerLength(of: sampleFile))", "40-byte file"])
    }

    @Test(arguments: [UInt64(100_000_001), UInt64(Int64.max), UInt64.max])
    func absurdHeaderLength(length: UInt64) {
        expectDecodeError(withLengthPrefix(length, sampleFile), kind: .headerLengthOutOfRange, byteOffset: 0,
                          mentions: ["header length \(length)", "limit"])
    }

    @Test func missingFile() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("attnview-no-such-file-\(UUID().uuidString).safetensors")
        let error = #expect(throws: SafeTensorsError.self) { try SafeTensors.read(contentsOf: url) }
        #expect(error?.kind == .fileUnreadable)
        #expect(error?.description.contains(url.path) == true, "\(String(describing: error))")
        #expect(error?.description.contains(where: \.isNewline) == false)
    }

    @Test func directoryInsteadOfFile() {
        let error = #expect(throws: SafeTensorsError.self) {
            try SafeTensors.read(contentsOf: Fixtures.url("safetensors"))
        }
        #expect(error?.kind == .fileUnreadable)
    }
}
