// PNGChunks: just enough PNG structure for the tests to find, cut, corrupt and forge chunks,
// with the CRC-32 that chunks carry.

enum PNGChunks {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Chunk {
        let type: String
        let data: [UInt8]
        /// Offset of the chunk's length field in the file.
        let offset: Int
        var dataOffset: Int { offset + 8 }
        var crcOffset: Int { offset + 8 + data.count }
    }

    static func parse(_ bytes: [UInt8]) -> [Chunk] {
        var chunks: [Chunk] = []
        var offset = signature.count
        while offset + 12 <= bytes.count {
            let length = bigEndian(bytes, at: offset)
            guard offset + 12 + length <= bytes.count else { break }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            chunks.append(Chunk(type: type, data: Array(bytes[(offset + 8)..<(offset + 8 + length)]), offset: offset))
            offset += 12 + length
        }
        return chunks
    }

    static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }

    static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A complete chunk: length, type, data, CRC over type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndianBytes(UInt32(data.count)) + typeAndData + bigEndianBytes(crc32(typeAndData))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A PNG whose header claims `width` x `height` 8-bit RGB, followed by garbage pixel data:
    /// decoding would fail on the IDAT, so an error that is not about IDAT shows nothing was decoded.
    static func forgedHeader(width: UInt32, height: UInt32) -> [UInt8] {
        let ihdr = bigEndianBytes(width) + bigEndianBytes(height) + [8, 2, 0, 0, 0]
        let garbage: [UInt8] = [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x13, 0x37]
        return signature + chunk("IHDR", ihdr) + chunk("IDAT", garbage) + chunk("IEND", [])
    }
}

extension PNGChunks {
    /// `data` as a zlib stream of stored (uncompressed) deflate blocks: valid, and exact to build.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return out + bigEndianBytes(b << 16 | a)
    }

    static func ihdr(width: UInt32, height: UInt32, depth: UInt8, colour: UInt8, interlace: UInt8 = 0,
                     compression: UInt8 = 0, filter: UInt8 = 0) -> [UInt8] {
        chunk("IHDR", bigEndianBytes(width) + bigEndianBytes(height) + [depth, colour, compression, filter, interlace])
    }

    /// A 4 x 3 palette image (8-bit indices into `entries` colours), chunk by chunk, so a test
    /// can reorder, drop or damage any of them.
    static func paletteChunks(entries: Int = 4, indices: [UInt8]? = nil) -> [[UInt8]] {
        var palette: [UInt8] = []
        for i in 0..<entries {
            palette += [UInt8(i * 60 % 256), UInt8(i * 20 % 256), UInt8(255 - i % 256)]
        }
        let pixels = indices ?? (0..<12).map { UInt8($0 % max(entries, 1)) }
        var rows: [UInt8] = []
        for y in 0..<3 { rows += [0] + pixels[(y * 4)..<(y * 4 + 4)] }
        return [signature, ihdr(width: 4, height: 3, depth: 8, colour: 3), chunk("PLTE", palette),
                chunk("IDAT", zlibStored(rows)), chunk("IEND", [])]
    }
}
