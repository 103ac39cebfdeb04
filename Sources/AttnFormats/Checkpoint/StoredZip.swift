// StoredZip: the entries of a zip archive whose members are stored uncompressed, which is how
// torch.save writes its zip checkpoints (each storage is a raw, aligned member, so it can be read
// in place). Zip64 is understood; compressed members are refused with their name. Every offset is
// checked against the file before use.

struct StoredZip {
    /// Member name -> the byte range of its data in the archive.
    let members: [String: Range<Int>]

    init(_ bytes: [UInt8], name: String) throws {
        var r = ByteReader(bytes, name: name)
        let eocd = try Self.findEndOfCentralDirectory(bytes, name: name)
        try r.seek(eocd + 10)
        var entryCount = Int(try r.uint(2))
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
            entryCount = try Self.offset(try r.uint(8), in: bytes, name: name)
            directorySize = try Self.offset(try r.uint(8), in: bytes, name: name)
            directoryOffset = try Self.offset(try r.uint(8), in: bytes, name: name)
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
            throw CheckpointError("\(name): zip central directory (offset \(directoryOffset), \(directorySize) bytes) lies outside the file")
        }
        try r.seek(directoryOffset)
        var members = [String: Range<Int>]()
        for _ in 0..<entryCount {
            let entryStart = r.offset
            guard try r.uint(4) == 0x0201_4b50 else {
                throw CheckpointError("\(name): bad zip directory entry at offset \(entryStart)")
            }
            try r.seek(entryStart + 10)
            let method = try r.uint(2)
            try r.seek(entryStart + 20)
            var size = try r.uint(4)
            var uncompressed = try r.uint(4)
            let nameLength = Int(try r.uint(2)), extraLength = Int(try r.uint(2)), commentLength = Int(try r.uint(2))
            try r.seek(entryStart + 42)
            var localOffset = try r.uint(4)
            let memberName = String(decoding: try r.read(nameLength), as: UTF8.self)
            var extra = ByteReader(Array(try r.read(extraLength)), name: "\(name): zip extra field of '\(memberName)'")
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
                throw CheckpointError("\(name): zip member '\(memberName)' is compressed (method \(method)); torch.save stores members uncompressed")
            }
            let local = try Self.offset(localOffset, in: bytes, name: name)
            var header = ByteReader(bytes, name: name, offset: local)
            guard try header.uint(4) == 0x0403_4b50 else {
                throw CheckpointError("\(name): bad zip local header of '\(memberName)' at offset \(local)")
            }
            try header.seek(local + 26)
            let dataStart = local + 30 + Int(try header.uint(2)) + Int(try header.uint(2))
            let dataSize = try Self.offset(size, in: bytes, name: name)
            guard dataStart <= bytes.count, dataSize <= bytes.count - dataStart else {
                throw CheckpointError("\(name): zip member '\(memberName)' (\(dataSize) bytes at offset \(dataStart)) runs past the end of the file (\(bytes.count) bytes)")
            }
            members[memberName] = dataStart..<(dataStart + dataSize)
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
