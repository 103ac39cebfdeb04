// PNGChunkScreen: what the decoder does to a PNG's chunks before libpng sees them. Every chunk
// length is checked against the bytes that are really there, so a hostile length (an iTXt of
// 0x7fffffff bytes in a 200-byte file made libpng allocate 2 GB) is refused before libpng reads
// it. And the ancillary chunks other than tRNS are hidden, by flipping the case of their fourth
// letter (an unknown, safe-to-copy type, which libpng skips without reading it into memory) and
// recomputing their CRC:
// - text, time, EXIF and the like are not needed, and compressed ones (zTXt, iCCP) would be
//   inflated by libpng;
// - gAMA / sRGB / iCCP / cHRM would make libpng's simplified API re-encode samples to sRGB (a gAMA
//   of 0.5 shifts every value), which PIL and torchvision ignore, and the networks were trained
//   on what those decoders produce.
import AttnText

enum PNGChunkScreen {
    /// The one ancillary chunk that changes the pixels as PIL decodes them (transparency).
    private static let kept: Set<[UInt8]> = [Array("tRNS".utf8)]

    /// The interlace byte of IHDR: signature (8) + length (4) + type (4) + 12 bytes of fields.
    /// Only meaningful once libpng has accepted the header, so IHDR is the first chunk.
    static func isInterlaced(_ bytes: [UInt8]) -> Bool {
        bytes.count > 28 && bytes[28] != 0
    }

    /// `bytes` with the ancillary chunks hidden, changed in place; the reason it is refused when a
    /// chunk claims more bytes than the file holds. A file that ends between chunks, or damage
    /// libpng reports better (CRCs, order, content), is left for libpng.
    static func screen(_ bytes: inout [UInt8]) -> String? {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = Array(bytes[(offset + 4)..<(offset + 8)])
            let name = DisplayText.quoted(String(decoding: type, as: UTF8.self), limit: 4)
            guard length <= 0x7FFF_FFFF else {
                return "chunk \(name) at offset \(offset) has a length of \(length), over PNG's limit of 2^31 - 1"
            }
            let left = bytes.count - offset - 8
            guard length + 4 <= left else {
                return "file is truncated: chunk \(name) at offset \(offset) needs \(length + 4) bytes (\(length) and its CRC), \(left) are left"
            }
            if type == Array("IEND".utf8) { break }
            let ancillary = type[0] & 0x20 != 0
            if ancillary && !kept.contains(type) {
                bytes[offset + 7] ^= 0x20
                let crc = CRC32.checksum(bytes[(offset + 4)..<(offset + 8 + length)])
                for i in 0..<4 { bytes[offset + 8 + length + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * i)) }
            }
            offset += 12 + length
        }
        return nil
    }
}
