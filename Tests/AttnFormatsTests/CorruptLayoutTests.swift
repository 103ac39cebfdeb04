// Corrupt files whose header parses but whose data_offsets do not fit the data section: reversed,
// out of bounds, the wrong size for the shape, or overlapping another tensor.
import AttnEngine
@testable import AttnFormats
import Testing

@Suite struct CorruptLayoutTests {
    @Test func beginAfterEnd() {
        let edited = editingHeader(sampleFile, replacing: "[24,40]", with: "[40,24]")
        expectDecodeError(edited, kind: .invalidOffsets, tensor: "b", byteOffset: dataStart(of: edited) + 40,
                          mentions: ["[40, 24]", "begin after end"])
    }

    @Test func endBeyondDataSection() {
        let edited = editingHeader(sampleFile, replacing: "[24,40]", with: "[24,400]")
        expectDecodeError(edited, kind: .outOfBounds, tensor: "b", byteOffset: dataStart(of: edited) + 400,
                          mentions: ["[24, 400]", "data section (44 bytes from byte offset \(dataStart(of: edited)))"])
    }

    @Test func dataSectionTruncated() {
        expectDecodeError(Array(sampleFile.dropLast(1)), kind: .outOfBounds, tensor: "c",
                          byteOffset: dataStart(of: sampleFile) + 44, mentions: ["[40, 44]", "data section (43 bytes"])
    }

    @Test func hugeEndDoesNotOverflow() {
        expectDecodeError(editingHeader(sampleFile, replacing: "[24,40]", with: "[24,9223372036854775807]"),
                          kind: .outOfBounds, tensor: "b", byteOffset: Int.max)
    }

    @Test func byteLengthShorterThanShape() {
        let edited = editingHeader(sampleFile, replacing: "[24,40]", with: "[24,36]")
        expectDecodeError(edited, kind: .sizeMismatch, tensor: "b", byteOffset: dataStart(of: edited) + 24,
                          mentions: ["hold 12 bytes", "needs 16"])
    }

    @Test func shapeLargerThanByteLength() {
        let edited = editingHeader(sampleFile, replacing: "\"shape\":[4]", with: "\"shape\":[5]")
        expectDecodeError(edited, kind: .sizeMismatch, tensor: "b", byteOffset: dataStart(of: edited) + 24,
                          mentions: ["hold 16 bytes", "needs 20"])
    }

    @Test func dtypeSizeDisagreesWithByteLength() {
        // 4 elements of F64 need 32 bytes; the 16 stored are F32-sized.
        let edited = editingHeader(sampleFile, replacing: "\"b\":{\"dtype\":\"F32\"", with: "\"b\":{\"dtype\":\"F64\"")
        expectDecodeError(edited, kind: .sizeMismatch, tensor: "b", byteOffset: dataStart(of: edited) + 24,
                          mentions: ["F64", "needs 32"])
    }

    @Test func overlapWithPreviousTensor() {
        let edited = editingHeader(sampleFile, replacing: "[24,40]", with: "[16,32]")
        expectDecodeError(edited, kind: .overlap, tensor: "b", byteOffset: dataStart(of: edited) + 16,
                          mentions: ["[16, 32]", "'a'", "[0, 24]"])
    }

    @Test func overlapWithTensorStartingAtSameOffset() {
        let edited = editingHeader(sampleFile, replacing: "[40,44]", with: "[0,4]")
        expectDecodeError(edited, kind: .overlap, tensor: "c", byteOffset: dataStart(of: edited), mentions: ["'a'"])
    }

    @Test func overlapBetweenLaterTensors() {
        let edited = editingHeader(sampleFile, replacing: "[40,44]", with: "[36,40]")
        expectDecodeError(edited, kind: .overlap, tensor: "c", byteOffset: dataStart(of: edited) + 36,
                          mentions: ["'b'", "[24, 40]"])
    }

    @Test func emptyTensorInsideAnotherIsNoOverlap() throws {
        let withEmpty = SafeTensors.encode([
            "a": Tensor(shape: [2], data: [1, 2]), "z": Tensor(zeros: [0, 3]),
        ])
        let moved = editingHeader(withEmpty, replacing: "[8,8]", with: "[4,4]")
        let file = try SafeTensors.decode(moved)
        #expect(file.tensors["z"] == Tensor(zeros: [0, 3]))
        #expect(file.tensors["a"]?.data == [1, 2])
    }
}
