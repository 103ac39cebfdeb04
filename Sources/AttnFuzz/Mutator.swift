// Mutator: turns a valid file into a nearly valid one, the way files get damaged or crafted: bits
// flipped, bytes set to the values parsers trip on, integers (little- and big-endian, and written
// in decimal) replaced by 0, -1, 2^31, 2^63 and the like, ranges cut, repeated or moved, files
// truncated or spliced with another seed. A target may name the part of its files that matters
// (a checkpoint's pickle, a safetensors header), where most mutations then land.

public struct Mutator: Sendable {
    /// Values that sit on the edges parsers check: sizes, signs, powers of two.
    static let interesting: [UInt64] = [
        0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 100, 127, 128, 255, 256, 511, 512, 1000, 1023, 1024,
        4095, 4096, 32767, 32768, 65535, 65536, 1 << 20, 1 << 24, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE,
        0xFFFF_FFFF, 1 << 32, 1 << 40, 1 << 53, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000,
        0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE,
    ]
    /// The same edges as text, for formats that spell numbers out (JSON headers, pickle text ops).
    static let interestingText: [String] = [
        "0", "-0", "1", "-1", "2", "7", "255", "256", "65536", "2147483647", "2147483648", "-2147483648",
        "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "18446744073709551615", "99999999999999999999999", "1e308", "1e-308", "-1e308", "nan", "inf",
        "0.5", "1.5", "0x10", "", " ", "1,2", "[]", "{}", "null", "true",
    ]

    /// The most mutations stacked on one input.
    public var maxStack: Int
    /// Where most mutations land, if the target says.
    public var focus: Range<Int>?
    /// Bytes after which an integer operand follows, and its width (pickle's K, M and J).
    public var operandMarkers: [UInt8: Int]

    public init(maxStack: Int = 8, focus: Range<Int>? = nil, operandMarkers: [UInt8: Int] = [:]) {
        self.maxStack = maxStack
        self.focus = focus
        self.operandMarkers = operandMarkers
    }

    public func mutate(_ input: [UInt8], others: [[UInt8]], rng: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        let count = 1 + rng.below(rng.chance(0.5) ? 2 : maxStack)
        for _ in 0..<count { mutateOnce(&bytes, others: others, rng: &rng) }
        return bytes
    }

    private func position(in bytes: [UInt8], rng: inout FuzzRandom) -> Int {
        if let focus, !focus.isEmpty, focus.upperBound <= bytes.count, rng.chance(0.8) {
            return focus.lowerBound + rng.below(focus.count)
        }
        return rng.below(bytes.count)
    }

    private func mutateOnce(_ bytes: inout [UInt8], others: [[UInt8]], rng: inout FuzzRandom) {
        guard !bytes.isEmpty else { bytes = [UInt8(truncatingIfNeeded: rng.next())]; return }
        switch rng.below(13) {
        case 0:  // flip a bit
            let i = position(in: bytes, rng: &rng)
            bytes[i] ^= 1 << UInt8(rng.below(8))
        case 1:  // a random byte
            bytes[position(in: bytes, rng: &rng)] = UInt8(truncatingIfNeeded: rng.next())
        case 2:  // an edge byte
            bytes[position(in: bytes, rng: &rng)] = rng.pick([0, 1, 0x7F, 0x80, 0xFF, 0xFE, 0x20, 0x0A])
        case 3, 4:  // an edge integer of 1, 2, 4 or 8 bytes, either byte order
            let width = rng.pick([1, 2, 4, 8])
            let i = position(in: bytes, rng: &rng)
            writeInteger(rng.pick(Self.interesting) &+ UInt64(bitPattern: Int64(rng.below(3) - 1)),
                         width: width, bigEndian: rng.chance(0.5), at: i, into: &bytes)
        case 5:  // a number written in decimal replaced
            replaceDecimal(&bytes, rng: &rng)
        case 6:  // the operand after a marker byte
            replaceOperand(&bytes, rng: &rng)
        case 7:  // cut a range out
            let i = position(in: bytes, rng: &rng)
            let n = min(bytes.count - i, 1 + rng.below(rng.chance(0.7) ? 8 : 256))
            bytes.removeSubrange(i..<(i + n))
        case 8:  // repeat a range
            let i = position(in: bytes, rng: &rng)
            let n = min(bytes.count - i, 1 + rng.below(64))
            let copies = rng.chance(0.9) ? 1 : 1 + rng.below(32)
            let piece = Array(bytes[i..<(i + n)])
            bytes.insert(contentsOf: (0..<copies).flatMap { _ in piece }, at: i)
        case 9:  // copy a range over another place
            let from = rng.below(bytes.count), to = position(in: bytes, rng: &rng)
            let n = min(bytes.count - from, bytes.count - to, 1 + rng.below(64))
            let piece = Array(bytes[from..<(from + n)])
            bytes.replaceSubrange(to..<(to + n), with: piece)
        case 10:  // truncate
            bytes.removeLast(1 + rng.below(bytes.count))
        case 11:  // splice with another seed
            guard let other = others.isEmpty ? nil : rng.pick(others), !other.isEmpty else { return }
            let cut = rng.below(bytes.count), from = rng.below(other.count)
            bytes = Array(bytes[..<cut]) + Array(other[from...])
        default:  // random bytes inserted
            let i = position(in: bytes, rng: &rng)
            bytes.insert(contentsOf: (0..<(1 + rng.below(16))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: i)
        }
    }

    private func writeInteger(_ value: UInt64, width: Int, bigEndian: Bool, at start: Int, into bytes: inout [UInt8]) {
        for k in 0..<width where start + k < bytes.count {
            let shift = bigEndian ? 8 * (width - 1 - k) : 8 * k
            bytes[start + k] = UInt8(truncatingIfNeeded: value >> UInt64(shift))
        }
    }

    private func replaceDecimal(_ bytes: inout [UInt8], rng: inout FuzzRandom) {
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        // Look from a random place for the next run of digits (a sign included).
        var i = position(in: bytes, rng: &rng)
        var tries = 0
        while !isDigit(bytes[i]) {
            i = (i + 1) % bytes.count
            tries += 1
            if tries > bytes.count { return }
        }
        var start = i, end = i
        while start > 0 && (isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-")) { start -= 1 }
        while end < bytes.count && isDigit(bytes[end]) { end += 1 }
        bytes.replaceSubrange(start..<end, with: Array(rng.pick(Self.interestingText).utf8))
    }

    private func replaceOperand(_ bytes: inout [UInt8], rng: inout FuzzRandom) {
        guard !operandMarkers.isEmpty else { return }
        var i = position(in: bytes, rng: &rng)
        for _ in 0..<bytes.count {
            if let width = operandMarkers[bytes[i]], i + width < bytes.count {
                writeInteger(rng.pick(Self.interesting), width: width, bigEndian: false, at: i + 1, into: &bytes)
                return
            }
            i = (i + 1) % bytes.count
        }
    }
}
