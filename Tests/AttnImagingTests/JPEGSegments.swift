// JPEGSegments: just enough JPEG structure for the tests to find, patch and insert marker
// segments (the ones before the first scan), independently of the decoder's own walk.

enum JPEGSegments {
    struct Segment {
        let marker: UInt8
        /// Offset of the segment's 0xFF in the file.
        let offset: Int
        /// The payload after the two length bytes.
        let payload: ArraySlice<UInt8>
        var end: Int { payload.endIndex }
    }

    /// The segments from SOI up to and including the first SOS.
    static func parse(_ bytes: [UInt8]) -> [Segment] {
        var segments: [Segment] = []
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length >= 2, offset + 2 + length <= bytes.count else { break }
            segments.append(Segment(marker: marker, offset: offset, payload: bytes[(offset + 4)..<(offset + 2 + length)]))
            if marker == 0xDA { break }
            offset += 2 + length
        }
        return segments
    }

    /// The frame header (SOF0 baseline, SOF2 progressive).
    static func frame(_ bytes: [UInt8]) -> Segment? {
        parse(bytes).first { $0.marker == 0xC0 || $0.marker == 0xC1 || $0.marker == 0xC2 }
    }

    /// A whole segment: marker, big-endian length (counting itself), payload.
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// `bytes` with `inserted` right after SOI.
    static func inserting(_ inserted: [UInt8], into bytes: [UInt8]) -> [UInt8] {
        Array(bytes[..<2]) + inserted + Array(bytes[2...])
    }

    /// `bytes` with the frame header claiming another size; the scan data is left as it was.
    static func patchingSize(_ bytes: [UInt8], width: Int, height: Int) -> [UInt8] {
        guard let frame = frame(bytes) else { return bytes }
        var patched = bytes
        let at = frame.payload.startIndex  // precision (1), height (2), width (2)
        patched[at + 1] = UInt8(height >> 8); patched[at + 2] = UInt8(height & 0xFF)
        patched[at + 3] = UInt8(width >> 8); patched[at + 4] = UInt8(width & 0xFF)
        return patched
    }
}
