// ByteReader: bounds-checked little-endian reads from a byte buffer; reading past the end is an
// error naming the offset, never a crash or a read beyond the buffer.

struct ByteReader {
    let bytes: [UInt8]
    /// What the bytes are, for error messages ("data.pkl", "the file").
    let name: String
    private(set) var offset: Int

    init(_ bytes: [UInt8], name: String, offset: Int = 0) {
        self.bytes = bytes
        self.name = name
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func read(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else {
            throw CheckpointError("\(name) is truncated: needs \(count) bytes at offset \(offset), has \(bytes.count - offset)")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func byte() throws -> UInt8 { try read(1).first! }

    mutating func uint(_ size: Int) throws -> UInt64 {
        try read(size).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A line ending in "\n" (pickle's text opcodes), without the newline. Only the next
    /// `maxLength` bytes are searched, so a missing newline costs a bounded scan.
    mutating func line(maxLength: Int) throws -> ArraySlice<UInt8> {
        let window = bytes[offset..<(offset + min(maxLength + 1, bytes.count - offset))]
        guard let end = window.firstIndex(of: 0x0A) else {
            if window.count > maxLength {
                throw CheckpointError("\(name): text line longer than \(maxLength) bytes at offset \(offset)")
            }
            throw CheckpointError("\(name) is truncated: unterminated line at offset \(offset)")
        }
        defer { offset = end + 1 }
        return bytes[offset..<end]
    }

    mutating func seek(_ position: Int) throws {
        guard position >= 0, position <= bytes.count else {
            throw CheckpointError("\(name): offset \(position) is outside its \(bytes.count) bytes")
        }
        offset = position
    }
}
