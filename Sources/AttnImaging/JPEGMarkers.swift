// JPEGMarkers: one walk over a JPEG's marker segments for what TurboJPEG does not report: the EXIF
// data (for the orientation) and whether the file reaches its end-of-image marker.

struct JPEGMarkers {
    /// The TIFF data of the APP1 "Exif" segments before the first scan, joined as Pillow joins
    /// them; empty when there are none.
    private(set) var exif: [UInt8] = []
    /// Whether an EOI marker follows the image data. libjpeg decodes a cut file with a mere
    /// warning and gray rows; Pillow refuses it, and so do we.
    private(set) var reachesEnd = false
    /// Start-of-scan markers: progressive files have ten or so; thousands of tiny scans make
    /// libjpeg pass over the whole coefficient buffer for each (a CPU bomb).
    private(set) var scanCount = 0
    /// Whether a start-of-frame marker says the image is progressive (SOF2, SOF6, SOF10, SOF14),
    /// which makes libjpeg keep every coefficient of the image in memory.
    private(set) var progressive = false

    private static let exifHeader: [UInt8] = Array("Exif".utf8) + [0, 0]

    init(scanning bytes: [UInt8]) {
        var offset = 2  // past SOI
        var scanned = false
        while offset + 1 < bytes.count {
            // Junk between segments is skipped, as libjpeg and Pillow skip it.
            guard bytes[offset] == 0xFF else { offset += 1; continue }
            let marker = bytes[offset + 1]
            switch marker {
            case 0xFF:
                offset += 1  // a fill byte before the marker
            case 0xD9:
                reachesEnd = true
                return
            case 0x00, 0x01, 0xD0...0xD8:
                offset += 2  // markers without a length
            default:
                guard offset + 3 < bytes.count else { return }
                let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
                let end = offset + 2 + length
                guard length >= 2, end <= bytes.count else { return }
                let payload = bytes[(offset + 4)..<end]
                if marker == 0xE1 && !scanned && payload.starts(with: Self.exifHeader) {
                    exif += payload.dropFirst(Self.exifHeader.count)
                }
                offset = end
                if [0xC2, 0xC6, 0xCA, 0xCE].contains(marker) { progressive = true }
                if marker == 0xDA {
                    scanCount += 1
                    scanned = true
                    offset = Self.endOfEntropyData(bytes, from: end)
                }
            }
        }
    }

    /// The offset of the first marker after a scan's entropy-coded data, where 0xFF is only ever
    /// followed by a stuffed 0x00, a restart marker or another fill byte.
    private static func endOfEntropyData(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start
        while let found = bytes[offset...].firstIndex(of: 0xFF), found + 1 < bytes.count {
            let next = bytes[found + 1]
            if next == 0x00 || (0xD0...0xD7).contains(next) {
                offset = found + 2
            } else if next == 0xFF {
                offset = found + 1
            } else {
                return found
            }
        }
        return bytes.count
    }
}
