// Helpers for the corrupt-file tests: a small valid encoding to start from, ways to edit its
// header or length prefix, and one check that a decode fails with the expected error.
import AttnEngine
@testable import AttnFormats
import Foundation
import Testing

/// A valid file with tensors 'a' [2, 3] at data_offsets [0, 24], 'b' [4] at [24, 40] and
/// 'c' [] at [40, 44]; the corrupt cases are edits of it.
let sampleFile: [UInt8] = SafeTensors.encode([
    "a": Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]),
    "b": Tensor(shape: [4], data: [-1, -2, -3, -4]),
    "c": Tensor(scalar: 42),
])

/// The header length stored in the first 8 bytes.
func headerLength(of file: [UInt8]) -> Int {
    Int(file.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
}

/// File offset of the data section.
func dataStart(of file: [UInt8]) -> Int { 8 + headerLength(of: file) }

func headerText(of file: [UInt8]) -> String {
    String(decoding: file[8..<dataStart(of: file)], as: UTF8.self)
}

/// `file` with its first 8 bytes replaced by `length`, little-endian.
func withLengthPrefix(_ length: UInt64, _ file: [UInt8]) -> [UInt8] {
    withUnsafeBytes(of: length.littleEndian) { Array($0) } + file.dropFirst(8)
}

/// `file` with a new header (length prefix recomputed) in front of its unchanged data section.
func withHeader(_ header: [UInt8], dataOf file: [UInt8]) -> [UInt8] {
    withLengthPrefix(UInt64(header.count), [UInt8](repeating: 0, count: 8)) + header + file[dataStart(of: file)...]
}

/// `file` with one occurrence of `original` in its header text replaced; the test fails if the
/// text is absent, so an edit that silently does nothing cannot make a case pass.
func editingHeader(_ file: [UInt8], replacing original: String, with replacement: String,
                   sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    let header = headerText(of: file)
    guard let range = header.range(of: original) else {
        Issue.record("header lacks \(original): \(header)", sourceLocation: sourceLocation)
        return file
    }
    return withHeader(Array(header.replacingCharacters(in: range, with: replacement).utf8), dataOf: file)
}

/// Decodes `bytes`, expecting a SafeTensorsError of `kind` that names `tensor` and `byteOffset`
/// in both its fields and its one-line description (escaped, readable), plus every string in `mentions`.
@discardableResult
func expectDecodeError(
    _ bytes: [UInt8], kind: SafeTensorsError.Kind, tensor: String? = nil, byteOffset: Int? = nil,
    mentions: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) -> SafeTensorsError? {
    let error = #expect(throws: SafeTensorsError.self, sourceLocation: sourceLocation) {
        try SafeTensors.decode(bytes)
    }
    guard let error else { return nil }
    #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
    #expect(error.tensor == tensor, "\(error)", sourceLocation: sourceLocation)
    #expect(error.byteOffset == byteOffset, "\(error)", sourceLocation: sourceLocation)
    let text = error.description
    #expect(text.hasPrefix("safetensors: "), sourceLocation: sourceLocation)
    let isOneLine = !text.contains(where: \.isNewline)
    #expect(isOneLine, "\(text)", sourceLocation: sourceLocation)
    expectReadable(text, sourceLocation: sourceLocation)
    var expectedMentions = mentions
    if let tensor { expectedMentions.append(quotedKey(tensor)) }
    if let byteOffset { expectedMentions.append("byte offset \(byteOffset)") }
    for mention in expectedMentions {
        #expect(text.contains(mention), "\(text) should mention \(mention)", sourceLocation: sourceLocation)
    }
    return error
}
