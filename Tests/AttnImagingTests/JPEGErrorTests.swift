// JPEGErrorTests: bad JPEGs give one-line errors naming the file and the cause, never a crash;
// the size budget refuses huge headers before any pixel is decoded; libjpeg's mere warnings
// (junk between segments) still decode, as Pillow decodes them.
import AttnImaging
import Foundation
import Testing

@Suite struct JPEGErrorTests {
    func fixture(_ name: String) throws -> [UInt8] { try #require(JPEGFixture.named(name)).bytes }

    @Test func missingFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("absent.jpg")
        let error = thrownImageError { _ = try JPEG.read(contentsOf: path) }
        #expect(error?.description == "cannot read JPEG '\(path.path)': cannot open file (No such file or directory)")
    }

    @Test func notAJPEG() throws {
        let png = try PNG.encode(TestImages.gradientRGB(width: 4, height: 3))
        let error = thrownImageError { _ = try JPEG.decode(png, name: "p.jpg") }
        #expect(error?.description == "cannot read JPEG 'p.jpg': not a JPEG file")
        #expect(error?.format == .jpeg)
    }

    @Test func onlyTheStartMarker() {
        let error = thrownImageError { _ = try JPEG.decode([0xFF, 0xD8], name: "soi.jpg") }
        #expect(error?.description == "cannot read JPEG 'soi.jpg': file is truncated (2 bytes)")
    }

    @Test(arguments: ["baseline_420", "progressive_420", "cmyk"], ["in header", "in frame header", "in scan", "before EOI"])
    func truncatedFile(_ name: String, _ cut: String) throws {
        let bytes = try fixture(name)
        let segments = JPEGSegments.parse(bytes)
        let frame = try #require(JPEGSegments.frame(bytes))
        let scan = try #require(segments.last { $0.marker == 0xDA })
        let length = switch cut {
        case "in header": 7
        case "in frame header": frame.offset + 6
        case "in scan": scan.end + (bytes.count - scan.end) / 2
        default: bytes.count - 2  // everything but the EOI marker
        }
        let error = thrownImageError { _ = try JPEG.decode(Array(bytes.prefix(length)), name: "cut.jpg") }
        #expect(error?.file == "cut.jpg")
        #expect(error?.format == .jpeg)
        #expect(error?.reason.isEmpty == false)
        if length > frame.end { #expect(error?.reason == "file is truncated (no end-of-image marker)") }
    }

    @Test(arguments: ["baseline_420", "progressive_420", "orientation_6"])
    func everyPrefixFailsCleanly(_ name: String) throws {
        // Cut anywhere, a file is refused with an error: never a crash, never a silently gray image.
        let bytes = try fixture(name)
        var decoded: [Int] = []
        for length in 0..<bytes.count {
            do {
                _ = try JPEG.decode(Array(bytes.prefix(length)), name: "cut.jpg")
                decoded.append(length)
            } catch {
                #expect(error.format == .jpeg && !error.description.contains("\n"))
            }
        }
        #expect(decoded.isEmpty, "prefixes that decoded: \(decoded.prefix(10))")
    }

    @Test func unsupportedPrecisionIsTurboJPEGsOwnError() throws {
        var bytes = try fixture("baseline_420")
        let frame = try #require(JPEGSegments.frame(bytes))
        bytes[frame.payload.startIndex] = 12  // 12-bit samples: not in an 8-bit libjpeg-turbo build
        let error = thrownImageError { _ = try JPEG.decode(bytes, name: "twelve.jpg") }
        #expect(error?.description.hasPrefix("cannot read JPEG 'twelve.jpg': ") == true)
        #expect(error?.reason.lowercased().contains("precision") == true, "\(String(describing: error))")
    }

    @Test func hugeHeaderIsRefusedBeforeDecoding() throws {
        let bytes = JPEGSegments.patchingSize(try fixture("baseline_420"), width: 60000, height: 60000)
        let error = thrownImageError { _ = try JPEG.decode(bytes, name: "huge.jpg") }
        let limit = ImageBudget.defaultMaxPixels
        #expect(error?.description == "cannot read JPEG 'huge.jpg': 60000x60000 image has 3600000000 pixels, over the limit of \(limit) (raise it with --max-pixels)")
    }

    @Test func patchedSizeWithinBudgetDoesDecode() throws {
        // The counterpart of the test above: the same patch, small enough, reaches the decoder,
        // which fills what the data does not cover (a warning only).
        let bytes = JPEGSegments.patchingSize(try fixture("baseline_420"), width: 48, height: 32)
        let image = try JPEG.decode(bytes, name: "bigger.jpg")
        #expect(image.width == 48 && image.height == 32)
    }

    @Test func budgetIsInclusive() throws {
        let bytes = try fixture("orientation_6")  // stored 40x24, upright 24x40: the count is the same
        #expect(try JPEG.decode(bytes, name: "ok.jpg", budget: ImageBudget(maxPixels: 960)).width == 24)
        let error = thrownImageError { _ = try JPEG.decode(bytes, name: "big.jpg", budget: ImageBudget(maxPixels: 959)) }
        #expect(error?.description == "cannot read JPEG 'big.jpg': 40x24 image has 960 pixels, over the limit of 959 (raise it with --max-pixels)")
    }

    @Test func fatalErrorAfterAWarningIsStillAnError() throws {
        // TurboJPEG reports any call that warned as a warning, even when a fatal error came after;
        // the image would then be blank. Junk before the frame warns; an undefined Huffman table
        // in the scan header is fatal.
        let bytes = try fixture("baseline_420")
        let frame = try #require(JPEGSegments.frame(bytes))
        let scan = try #require(JPEGSegments.parse(bytes).last { $0.marker == 0xDA })
        var broken = bytes
        broken[scan.payload.startIndex + 2] = 0x33  // first component: DC and AC table 3
        broken = Array(broken[..<frame.offset]) + [0x12, 0x34, 0x56] + Array(broken[frame.offset...])
        let error = thrownImageError { _ = try JPEG.decode(broken, name: "broken.jpg") }
        #expect(error?.description == "cannot read JPEG 'broken.jpg': Huffman table 0x03 was not defined")
    }

    @Test func junkBetweenSegmentsIsOnlyAWarning() throws {
        let bytes = try fixture("baseline_420")
        let plain = try JPEG.decode(bytes, name: "plain.jpg")
        let frame = try #require(JPEGSegments.frame(bytes))
        let junked = Array(bytes[..<frame.offset]) + [0x12, 0x34, 0x56] + Array(bytes[frame.offset...])
        #expect(try JPEG.decode(junked, name: "junk.jpg") == plain)
    }
}
