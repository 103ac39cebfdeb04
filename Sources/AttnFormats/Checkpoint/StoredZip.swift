// StoredZip: the entries of a zip archive whose members are stored uncompressed, which is how
// torch.save writes its zip checkpoints (each storage is a raw, aligned member, so it can be read
// in place). Zip64 is understood; compressed or encrypted members are refused with their name.
// Every offset is checked against the file before use, the entry count is bounded, and no two
// members may share a name or a byte, so the storages together never claim more than the file.
// Member names are only keys to look storages up by: nothing is ever written under them.
import AttnText

struct StoredZip {
    /// Member name -> the byte range of its data in the archive.
    let members: [String: Range<Int>]

    /// The fixed part of a central directory entry.
    static let directoryEntrySize = 46

    init(_ bytes: [UInt8], name: String) throws {
        var r = ByteReader(bytes, name: name)
        let eocd = try Self.findEndOfCentralDirectory(bytes, name: name)
        try r.seek(eocd + 10)
        var entryCount = try r.uint(2)
        var directorySize = Int(try r.uint(4))
        var directoryOffset = Int(try r.uint(4))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the end record and points at the zip64 end record.
            guard eocd >= 20 else { throw CheckpointError("\(name): zip64 locator missing") }
            try r.seek(eocd - 20)
            guard try r.uint(4) == 0x0706_4b50 else { throw CheckpointError("\(name): zip64 locator missing at offset \(eocd - 20)") }
            _ = try r.uint(4)
            let zip64End = try Self.offset(try r.uint(8), in: bytes, name: name)
            try r.seek(zip64End)
            guard try r.uint(4) == 0x0606_4b50 else { throw CheckpointError("\(name): bad zip64 end record at offset \(zip64End)") }
            try r.seek(zip64End + 32)
            entryCount = try r.uint(8)
            directorySize = try Self.offset(try r.uint(8), in: bytes, name: name)
            directoryOffset = try Self.offset(try r.uint(8), in: bytes, name: name)
        }
        guard entryCount <= UInt64(CheckpointLimits.maxZipEntries) else {
            throw CheckpointError("\(name): zip archive has \(entryCount) entries, more than the limit of \(CheckpointLimits.maxZipEntries)")
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw CheckpointError("\(name): zip central directory (offset \(directoryOffset), \(directorySize) bytes) lies outside the file")
        }
        guard entryCount <= UInt64(directorySize / Self.directoryEntrySize) else {
            throw CheckpointError("\(name): zip archive claims \(entryCount) entries in a \(directorySize)-byte central directory")
        }
        try r.seek(directoryOffset)
        var members = [String: Range<Int>]()
        // Each member's local header and data, to check that none overlaps another.
        var spans = [(range: Range<Int>, name: String)]()
        for _ in 0..<entryCount {
            let entryStart = r.offset
            guard try r.uint(4) == 0x0201_4b50 else {
                throw CheckpointError("\(name): bad zip directory entry at offset \(entryStart)")
            }
            try r.seek(entryStart + 8)
            let flags = try r.uint(2)
            let method = try r.uint(2)
            try r.seek(entryStart + 20)
            var size = try r.uint(4)
            var uncompressed = try r.uint(4)
            let nameLength = Int(try r.uint(2)), extraLength = Int(try r.uint(2)), commentLength = Int(try r.uint(2))
            try r.seek(entryStart + 42)
            var localOffset = try r.uint(4)
            let memberName = String(decoding: try r.read(nameLength), as: UTF8.self)
            let member = "zip member \(DisplayText.quoted(memberName))"
            var extra = ByteReader(Array(try r.read(extraLength)), name: "\(name): zip extra field of \(DisplayText.quoted(memberName))")
            _ = try r.read(commentLength)
            // The zip64 extra field holds, in order, the fields that overflowed 32 bits.
            while !extra.isAtEnd {
                let id = try extra.uint(2), length = Int(try extra.uint(2))
                var field = ByteReader(Array(try extra.read(length)), name: extra.name)
                guard id == 0x0001 else { continue }
                if uncompressed == 0xFFFF_FFFF { uncompressed = try field.uint(8) }
                if size == 0xFFFF_FFFF { size = try field.uint(8) }
                if localOffset == 0xFFFF_FFFF { localOffset = try field.uint(8) }
            }
            guard method == 0 else {
                throw CheckpointError("\(name): \(member) is compressed (method \(method)); torch.save stores members uncompressed")
            }
            guard flags & 1 == 0 else { throw CheckpointError("\(name): \(member) is encrypted") }
            guard uncompressed == size else {
                throw CheckpointError("\(name): \(member) is stored with \(size) bytes but claims \(uncompressed) uncompressed")
            }
            guard members[memberName] == nil else { throw CheckpointError("\(name): \(member) appears twice in the archive") }
            guard localOffset <= UInt64(bytes.count) else {
                throw CheckpointError("\(name): \(member) has its local header at offset \(localOffset), which exceeds the file (\(bytes.count) bytes)")
            }
            let local = Int(localOffset)
            var header = ByteReader(bytes, name: name, offset: local)
            guard try header.uint(4) == 0x0403_4b50 else {
                throw CheckpointError("\(name): bad zip local header of \(member) at offset \(local)")
            }
            try header.seek(local + 26)
            // At most the file's size plus 30 + 2 * 65535: no overflow.
            let dataStart = local + 30 + Int(try header.uint(2)) + Int(try header.uint(2))
            guard dataStart <= bytes.count, size <= UInt64(bytes.count - dataStart) else {
                throw CheckpointError("\(name): \(member) (\(size) bytes at offset \(dataStart)) runs past the end of the file (\(bytes.count) bytes)")
            }
            let dataSize = Int(size)
            members[memberName] = dataStart..<(dataStart + dataSize)
            spans.append((local..<(dataStart + dataSize), memberName))
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (previous, next) in zip(spans, spans.dropFirst()) where next.range.lowerBound < previous.range.upperBound {
            throw CheckpointError("\(name): zip members \(DisplayText.quoted(previous.name)) (bytes \(previous.range.lowerBound)..<\(previous.range.upperBound)) "
                                  + "and \(DisplayText.quoted(next.name)) (from byte \(next.range.lowerBound)) overlap: "
                                  + "checkpoints with overlapping storages are not supported")
        }
        self.members = members
    }

    private static func offset(_ value: UInt64, in bytes: [UInt8], name: String) throws -> Int {
        guard value <= UInt64(bytes.count) else {
            throw CheckpointError("\(name): zip offset or size \(value) exceeds the file (\(bytes.count) bytes)")
        }
        return Int(value)
    }

    /// The end-of-central-directory record sits in the last 22 + 65535 bytes.
    private static func findEndOfCentralDirectory(_ bytes: [UInt8], name: String) throws -> Int {
        guard bytes.count >= 22 else { throw CheckpointError("\(name): too short for a zip archive (\(bytes.count) bytes)") }
        let lowest = max(0, bytes.count - 22 - 65535)
        var i = bytes.count - 22
        while i >= lowest {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 { return i }
            i -= 1
        }
        throw CheckpointError("\(name): zip end record not found (truncated archive?)")
    }
}
