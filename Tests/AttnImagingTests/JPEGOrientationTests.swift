// JPEGOrientationTests: each EXIF orientation comes out upright: the size swaps for 5-8, and the
// red and green blocks of the stored top corners land where the rotation or flip puts them; a
// malformed EXIF never crashes, it is read as Pillow reads it or taken as orientation 1.
import AttnImaging
import Foundation
import Testing

@Suite struct JPEGOrientationTests {
    enum Corner: String, CustomStringConvertible {
        case topLeft, topRight, bottomLeft, bottomRight
        var description: String { rawValue }
    }

    /// Where the stored top-left (red) and top-right (green) corners end up, from the EXIF
    /// specification's meaning of each value.
    static let corners: [Int: (red: Corner, green: Corner)] = [
        1: (.topLeft, .topRight), 2: (.topRight, .topLeft), 3: (.bottomRight, .bottomLeft),
        4: (.bottomLeft, .bottomRight), 5: (.topLeft, .bottomLeft), 6: (.topRight, .bottomRight),
        7: (.bottomRight, .topRight), 8: (.bottomLeft, .topLeft),
    ]

    /// The pixel two in from the corner, inside the 8-pixel block whatever the orientation.
    static func pixel(_ image: RGBImage, _ corner: Corner) -> (r: Int, g: Int, b: Int) {
        let x = corner == .topLeft || corner == .bottomLeft ? 2 : image.width - 3
        let y = corner == .topLeft || corner == .topRight ? 2 : image.height - 3
        let i = 3 * (y * image.width + x)
        return (Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]))
    }

    static func isRed(_ p: (r: Int, g: Int, b: Int)) -> Bool { p.r > 180 && p.g < 80 && p.b < 80 }
    static func isGreen(_ p: (r: Int, g: Int, b: Int)) -> Bool { p.g > 160 && p.r < 80 && p.b < 90 }

    static var oriented: [JPEGFixture] {
        JPEGFixture.all.filter { $0.name.hasPrefix("orientation_") || $0.name == "baseline_420" }
    }

    @Test(arguments: oriented)
    func sizeIsUpright(_ fixture: JPEGFixture) throws {
        let image = try JPEG.read(contentsOf: fixture.jpegURL)
        let swaps = fixture.orientation >= 5
        #expect(image.width == (swaps ? fixture.storedHeight : fixture.storedWidth))
        #expect(image.height == (swaps ? fixture.storedWidth : fixture.storedHeight))
    }

    @Test(arguments: oriented)
    func cornersLandWhereTheOrientationPutsThem(_ fixture: JPEGFixture) throws {
        let image = try JPEG.read(contentsOf: fixture.jpegURL)
        let expected = try #require(Self.corners[fixture.orientation])
        let red = Self.pixel(image, expected.red), green = Self.pixel(image, expected.green)
        #expect(Self.isRed(red), "red expected at \(expected.red), found \(red)")
        #expect(Self.isGreen(green), "green expected at \(expected.green), found \(green)")
    }

    // ---- EXIF parsing, through APP1 segments inserted into the plain baseline file ----

    static func app1(_ tiff: [UInt8]) -> [UInt8] { JPEGSegments.segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff) }

    /// A TIFF holding IFD0 with one entry.
    static func tiff(bigEndian: Bool = false, tag: UInt16 = 0x0112, type: UInt16 = 3, count: UInt32 = 1,
                     value: UInt32) -> [UInt8] {
        func u16(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) -> [UInt8] {
            let little = (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) }
            return bigEndian ? little.reversed() : little
        }
        // Up to two SHORTs sit in the value field from its first byte, whatever the byte order;
        // more values would be behind an offset, which `value` then is.
        let field = type == 3 && count <= 2 ? u16(UInt16(truncatingIfNeeded: value)) + [0, 0] : u32(value)
        let header = (bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]) + u16(42) + u32(8)
        return header + u16(1) + u16(tag) + u16(type) + u32(count) + field + u32(0)
    }

    func baseline() throws -> (bytes: [UInt8], image: RGBImage) {
        let bytes = try #require(JPEGFixture.named("baseline_420")).bytes
        return (bytes, try JPEG.decode(bytes, name: "baseline.jpg"))
    }

    /// The baseline file with an APP1 holding `tiff` right after SOI, decoded.
    func decode(withEXIF tiff: [UInt8]) throws -> RGBImage {
        try JPEG.decode(JPEGSegments.inserting(Self.app1(tiff), into: try baseline().bytes), name: "exif.jpg")
    }

    @Test func bigEndianAndLongValuesAreRead() throws {
        let plain = try baseline().image
        let rotated = try decode(withEXIF: Self.tiff(bigEndian: true, value: 6))
        #expect(rotated.width == plain.height && rotated.height == plain.width)
        #expect(Self.isRed(Self.pixel(rotated, .topRight)))
        let turned = try decode(withEXIF: Self.tiff(type: 4, value: 3))
        #expect(Self.isRed(Self.pixel(turned, .bottomRight)))
    }

    /// Broken or odd EXIF, each with the orientation Pillow 13's Image.Exif reads from it (checked
    /// with the same bytes): where Pillow raises or finds nothing, the image stays as stored.
    static let odd: [String: (tiff: [UInt8], orientation: Int)] = {
        let good = tiff(value: 6)
        return [
            "empty TIFF": ([], 1),
            "cut header": (Array(good.prefix(5)), 1),
            "unknown byte order": ([0x49, 0x4D] + good.dropFirst(2), 1),
            "wrong magic": ([0x49, 0x49, 43, 0] + good.dropFirst(4), 1),
            "IFD offset past the end": (Array(good.prefix(4)) + [0xF0, 0xFF, 0xFF, 0x7F] + good.dropFirst(8), 1),
            "IFD offset at the very end": (Array(good.prefix(4)) + [UInt8(good.count), 0, 0, 0] + good.dropFirst(8), 1),
            "entry cut short": (Array(good.prefix(good.count - 8)), 1),
            "value 0": (tiff(value: 0), 1),
            "value 9": (tiff(value: 9), 1),
            "value 65535": (tiff(value: 65535), 1),
            "ASCII type": (tiff(type: 2, value: 0x36), 1),
            "another tag": (tiff(tag: 0x0110, value: 6), 1),
            // Entries before the data runs out still count, and of several values the first.
            "entry count past the end": (Array(good.prefix(8)) + [0xFF, 0xFF] + good.dropFirst(10), 6),
            "two values": (tiff(count: 2, value: 6), 6),
            "values behind an offset": (tiff(count: 3, value: 26) + [6, 0, 0, 0, 0, 0], 6),
            "values behind an offset past the end": (tiff(count: 3, value: 0xFFFF_FF00), 1),
        ]
    }()

    @Test(arguments: odd.keys.sorted())
    func oddEXIFIsReadAsPillowReadsIt(_ name: String) throws {
        let plain = try baseline().image
        let (tiff, orientation) = try #require(Self.odd[name])
        let image = try decode(withEXIF: tiff)
        if orientation == 1 {
            #expect(image == plain)
        } else {
            #expect(image.width == plain.height && image.height == plain.width)
            #expect(Self.isRed(Self.pixel(image, .topRight)))
        }
    }

    @Test func everyCutOrFlipOfTheEXIFDecodes() throws {
        // The parser's bounds checks, exhaustively over one small TIFF: each prefix, and each byte
        // replaced by 0x00 and by 0xFF, decodes (upright or turned), never crashes.
        let plain = try baseline().image
        let good = Self.tiff(bigEndian: true, value: 8)
        var variants = (0..<good.count).map { Array(good.prefix($0)) }
        for i in good.indices {
            for byte: UInt8 in [0x00, 0xFF] {
                var flipped = good
                flipped[i] = byte
                variants.append(flipped)
            }
        }
        for tiff in variants {
            #expect(try decode(withEXIF: tiff).pixels.count == plain.pixels.count)
        }
    }

    @Test func exifWithoutItsHeaderIsIgnored() throws {
        // An APP1 that is not "Exif\0\0" (XMP, say) carries no orientation.
        let (bytes, plain) = try baseline()
        let xmp = JPEGSegments.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Self.tiff(value: 6))
        #expect(try JPEG.decode(JPEGSegments.inserting(xmp, into: bytes), name: "xmp.jpg") == plain)
    }
}
