// PNGRoundTripTests: what the writer stores, the reader gives back unchanged (RGB and RGBA), and
// reading RGBA composites over gray 127 with round((c*a + 127*(255-a)) / 255).
import AttnImaging
import Foundation
import Testing

@Suite struct PNGRoundTripTests {
    @Test func rgbSurvivesFileRoundTrip() throws {
        let folder = try TemporaryDirectory()
        let image = TestImages.gradientRGB(width: 23, height: 9)
        try PNG.write(image, to: folder.file("rgb.png"))
        #expect(try PNG.read(contentsOf: folder.file("rgb.png")) == image)
    }

    @Test func rgbaSurvivesFileRoundTrip() throws {
        let folder = try TemporaryDirectory()
        let image = TestImages.gradientRGBA(width: 11, height: 6)
        try PNG.write(image, to: folder.file("rgba.png"))
        #expect(try PNG.readRGBA(contentsOf: folder.file("rgba.png")) == image)
    }

    @Test func readingRGBACompositesOverGray() throws {
        let image = RGBAImage(width: 4, height: 1, pixels: [
            10, 20, 30, 255,  // opaque: unchanged
            10, 20, 30, 0,  // transparent: the background
            200, 0, 255, 128,  // 163.64 -> 164, 63.25 -> 63, 191.25 -> 191
            0, 255, 100, 1,  // 126.50 -> 127, 127.50 -> 128, 126.89 -> 127: rounding, not truncation
        ])
        let decoded = try PNG.decode(try PNG.encode(image), name: "mem")
        #expect(decoded.pixels == [10, 20, 30, 127, 127, 127, 164, 63, 191, 127, 128, 127])
    }

    @Test func encodedBytesStartWithSignatureAndDecode() throws {
        let image = TestImages.gradientRGB(width: 5, height: 3)
        let bytes = try PNG.encode(image)
        #expect(Array(bytes.prefix(8)) == PNGChunks.signature)
        #expect(try PNG.decode(bytes, name: "mem") == image)
    }

    @Test func largeImageRoundTrip() throws {
        // Big enough that the compressed stream spans several IDAT chunks and buffer guesses.
        var state: UInt32 = 12345
        let pixels = (0..<(640 * 480 * 3)).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223  // deterministic noise that barely compresses
            return UInt8(state >> 24)
        }
        let image = RGBImage(width: 640, height: 480, pixels: pixels)
        #expect(try PNG.decode(try PNG.encode(image), name: "mem") == image)
        #expect(try PNG.decode(try PNG.encode(image, compression: .fast), name: "mem") == image)
    }

    @Test func fastCompressionIsLosslessAndLargerOnPhotos() throws {
        let photo = try PNG.read(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../samples/cat.png").standardized)
        let small = try PNG.encode(photo), fast = try PNG.encode(photo, compression: .fast)
        #expect(try PNG.decode(fast, name: "fast") == photo)
        #expect(try PNG.decode(small, name: "small") == photo)
        #expect(fast.count > small.count && fast.count < small.count * 3 / 2)
        let rgba = TestImages.gradientRGBA(width: 17, height: 5)
        #expect(try PNG.decodeRGBA(try PNG.encode(rgba, compression: .fast), name: "mem") == rgba)
    }
}
