// BlackPNG: valid PNG files of any size that cost almost nothing to store: 1-bit gray, every
// pixel black, the rows (all zero bytes) deflated as one literal and then 258-byte matches at
// distance 1 (13 bits each). A 1 x 1,000,000 image is 13 KB and a 67 x 1,000,000 one 65 KB: the
// decompression bombs the memory budget must refuse, made without zlib or a fixture file.

public enum BlackPNG {
    public static func bilevel(width: Int, height: Int) -> [UInt8] {
        precondition(width > 0 && height > 0)
        let rowBytes = 1 + (width + 7) / 8  // the filter byte and the packed pixels
        let (raw, overflow) = rowBytes.multipliedReportingOverflow(by: height)
        precondition(!overflow)
        var ihdr = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        ihdr += [1, 0, 0, 0, 0]  // bit depth 1, gray, deflate, no filter method, no interlace
        let zlib: [UInt8] = [0x78, 0x01] + deflatedZeros(count: raw) + bigEndian(adler32OfZeros(count: raw))
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    /// One fixed-Huffman block of `count` zero bytes.
    static func deflatedZeros(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed codes
        var left = count
        if left > 0 { bits.writeCode(0b0011_0000, length: 8); left -= 1 }  // literal 0
        while left >= 258 {
            bits.writeCode(0b1100_0101, length: 8)  // length 258 (code 285)
            bits.writeCode(0, length: 5)            // distance 1 (code 0)
            left -= 258
        }
        for _ in 0..<left { bits.writeCode(0b0011_0000, length: 8) }
        bits.writeCode(0, length: 7)  // end of block (code 256)
        return bits.bytes
    }

    static func adler32OfZeros(count: Int) -> UInt32 {
        let b = UInt64(count) % 65521  // a stays 1; b adds a for every byte
        return UInt32(b << 16 | 1)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var bit = 0

        mutating func write(_ value: UInt32, count: Int) {
            for i in 0..<count { put(value >> UInt32(i) & 1) }
        }

        mutating func writeCode(_ code: UInt32, length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { put(code >> UInt32(i) & 1) }
        }

        private mutating func put(_ value: UInt32) {
            if bit == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(value) << UInt8(bit)
            bit = (bit + 1) % 8
        }
    }
}
