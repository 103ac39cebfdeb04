// PNGChunkPatch: the few things the decoder does to a PNG's chunk structure before libpng sees
// it: peek at IHDR's interlace flag (png_image does not report it), and hide colour-space chunks.
//
// libpng's simplified API honours gAMA / sRGB / iCCP / cHRM and re-encodes samples to sRGB (a
// gAMA of 0.5 shifts every value); PIL and torchvision ignore them, and the networks were trained
// on what those decoders produce. So these chunks are renamed to an unknown ancillary type
// (lower-casing the fourth letter), which libpng skips, and their CRCs recomputed.

enum PNGChunkPatch {
    private static let colourSpaceChunks: Set<String> = ["gAMA", "sRGB", "iCCP", "cHRM"]

    /// The interlace byte of IHDR: signature (8) + length (4) + type (4) + 12 bytes of fields.
    /// Only meaningful once libpng has accepted the header, so IHDR is the first chunk.
    static func isInterlaced(_ bytes: [UInt8]) -> Bool {
        bytes.count > 28 && bytes[28] != 0
    }

    /// `bytes` with the colour-space chunks before the first IDAT renamed; unchanged (and not
    /// copied) when there are none. Malformed layouts are left for libpng to report.
    static func withoutColourSpaceChunks(_ bytes: [UInt8]) -> [UInt8] {
        var patched: [UInt8]?
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard length <= bytes.count - offset - 12 else { break }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "IDAT" { break }
            if colourSpaceChunks.contains(type) {
                var copy = patched ?? bytes
                copy[offset + 7] |= 0x20
                let crc = CRC32.checksum(copy[(offset + 4)..<(offset + 8 + length)])
                for i in 0..<4 { copy[offset + 8 + length + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * i)) }
                patched = copy
            }
            offset += 12 + length
        }
        return patched ?? bytes
    }
}
