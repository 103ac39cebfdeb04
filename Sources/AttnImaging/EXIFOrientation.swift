// EXIFOrientation: the Orientation tag (0x0112) of EXIF's first IFD, read from the TIFF data of a
// JPEG's APP1 segment. Every read is bounds-checked: an absent, malformed or out-of-range tag is
// orientation 1, which is what Pillow's exif_transpose makes of it too.

enum EXIFOrientation: Int, Sendable {
    case up = 1, mirrored, rotated180, flipped, transposed, rotatedClockwise, transversed, rotatedCounterClockwise

    init(tiff: [UInt8]) {
        self = Self.parse(tiff).flatMap(EXIFOrientation.init(rawValue:)) ?? .up
    }

    private static func parse(_ tiff: [UInt8]) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let littleEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        func value(at offset: Int, bytes: Int) -> Int? {
            guard offset >= 0, bytes <= tiff.count, offset <= tiff.count - bytes else { return nil }
            let field = tiff[offset..<(offset + bytes)]
            return (littleEndian ? field.reversed() : Array(field)).reduce(0) { $0 << 8 | Int($1) }
        }
        guard value(at: 2, bytes: 2) == 42, let ifd = value(at: 4, bytes: 4), let count = value(at: ifd, bytes: 2) else {
            return nil
        }
        // Entries cut off by the end of the data are dropped; those before it still count.
        for entry in 0..<count {
            let at = ifd + 2 + 12 * entry
            guard let tag = value(at: at, bytes: 2), let type = value(at: at + 2, bytes: 2),
                  let items = value(at: at + 4, bytes: 4) else { return nil }
            guard tag == 0x0112 else { continue }
            // SHORT as the standard says, LONG as some writers put it. Pillow takes the first of
            // several values, which sit behind an offset once they outgrow the 4-byte field.
            let size = type == 3 ? 2 : type == 4 ? 4 : 0
            guard size > 0, items >= 1 else { return nil }
            let first = items * size <= 4 ? at + 8 : value(at: at + 8, bytes: 4)
            return first.flatMap { value(at: $0, bytes: size) }
        }
        return nil
    }
}
