// ImageBudgetTests: pictures too large, too thin or too long for memory are refused from their
// header, with the limit and the option that raises it; what is accepted is decoded without a
// second full-size buffer; the resize never builds an intermediate the size of the input times
// the output.
@testable import AttnImaging
import AttnTestSupport
import Foundation
import Testing

@Suite struct ImageBudgetTests {
    @Test func refusalsNameTheLimitAndTheOption() {
        let budget = ImageBudget(maxPixels: 1000, maxAspect: 10)
        #expect(budget.refusal(width: 40, height: 25) == nil)
        #expect(budget.refusal(width: 100, height: 10) == nil)  // exactly at both limits
        #expect(budget.refusal(width: 50, height: 21)
                == "50x21 image has 1050 pixels, over the limit of 1000 (raise it with --max-pixels)")
        #expect(budget.refusal(width: 3, height: 31)
                == "3x31 image is over 10 times as tall as wide, past the aspect limit (raise it with --max-aspect)")
        #expect(budget.refusal(width: 31, height: 3)
                == "31x3 image is over 10 times as wide as tall, past the aspect limit (raise it with --max-aspect)")
        #expect(budget.refusal(width: Int.max, height: 3)
                == "\(Int.max)x3 image has more than \(Int.max) pixels, over the limit of 1000 (raise it with --max-pixels)")
        #expect(budget.refusal(width: 0, height: 5) == "the header gives a size of 0x5")
    }

    @Test func fileLimitFollowsThePixels() {
        #expect(ImageBudget(maxPixels: 1000).maxFileBytes == 8000 + (16 << 20))
        #expect(ImageBudget(maxPixels: Int.max).maxFileBytes == Int.max)
        #expect(ImageBudget().fileRefusal(bytes: 1 << 20) == nil)
    }

    /// The first file of the issue: 13 KB that decode to a million rows. Refused by its shape;
    /// with the limit raised it decodes to 3 MB, not the gigabytes it once cost.
    @Test func oneByMillionStrip() throws {
        let bytes = BlackPNG.bilevel(width: 1, height: 1_000_000)
        #expect(bytes.count < 20_000)
        let error = thrownImageError { _ = try PNG.decode(bytes, name: "strip.png") }
        #expect(error?.description
                == "cannot read PNG 'strip.png': 1x1000000 image is over 50 times as tall as wide, past the aspect limit (raise it with --max-aspect)")
        let image = try PNG.decode(bytes, name: "strip.png", budget: ImageBudget(maxAspect: 1_000_000))
        #expect(image.width == 1 && image.height == 1_000_000 && image.pixels.allSatisfy { $0 == 0 })
    }

    /// The second: 67 x 1,000,000 is over the pixel limit.
    @Test func sixtySevenByMillion() {
        let bytes = BlackPNG.bilevel(width: 67, height: 1_000_000)
        let error = thrownImageError { _ = try PNG.decode(bytes, name: "tall.png", budget: ImageBudget(maxAspect: 1_000_000)) }
        #expect(error?.reason == "67x1000000 image has 67000000 pixels, over the limit of 48000000 (raise it with --max-pixels)")
    }

    /// A 224 x 224 square from a 1 x 1,000,000 strip: rows first, so the intermediate is 224
    /// values and not 224 million.
    @Test func stripResizesWithoutAHugeIntermediate() throws {
        let strip = RGBImage(width: 1, height: 100_000, pixels: [UInt8](repeating: 200, count: 300_000))
        let square = strip.resizedBilinear(height: 224, width: 224)
        #expect(square.width == 224 && square.height == 224 && square.pixels.allSatisfy { $0 == 200 })
        let wide = RGBImage(width: 100_000, height: 1, pixels: [UInt8](repeating: 50, count: 300_000))
        #expect(wide.resizedBilinear(height: 224, width: 224).pixels.allSatisfy { $0 == 50 })
    }

    /// The banded columns-first pass gives the bytes of one pass over the whole image.
    @Test func bandsMatchTheWholeImagePass() {
        var generator = SplitMix(seed: 7)
        let image = RGBImage(width: 97, height: 211, pixels: (0..<(97 * 211 * 3)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        for (h, w) in [(100, 50), (300, 120), (33, 97), (211, 40)] {
            let banded = image.resizedBilinear(height: h, width: w)
            let whole = Self.unbandedResize(image, height: h, width: w)
            #expect(banded.pixels == whole, "\(h)x\(w)")
        }
    }

    /// A window of the resized image is exactly the crop of the whole resized image.
    @Test func windowEqualsResizeThenCrop() {
        var generator = SplitMix(seed: 3)
        let image = RGBImage(width: 120, height: 80, pixels: (0..<(120 * 80 * 3)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let resized = image.resizedBilinear(height: 64, width: 96)
        #expect(image.resizedBilinear(height: 64, width: 96, centreCroppedTo: 40, 40) == resized.centerCropped(height: 40, width: 40))
        #expect(image.resizedBilinear(height: 64, width: 96, rows: 3..<50, columns: 10..<11)
                == RGBImage(width: 1, height: 47, pixels: (3..<50).flatMap { y in Array(resized.pixels[((y * 96 + 10) * 3)..<((y * 96 + 11) * 3)]) }))
    }

    @Test func opaqueAndTranslucentPNGsDecodeAsBefore() throws {
        var rgba = [UInt8]()
        for i in 0..<(31 * 17) { rgba += [UInt8(i % 256), UInt8(i * 7 % 256), UInt8(i * 13 % 256), UInt8(i * 5 % 256)] }
        let translucent = RGBAImage(width: 31, height: 17, pixels: rgba)
        let decoded = try PNG.decode(try PNG.encode(translucent), name: "a.png")
        #expect(decoded == translucent.composited(overGray: 127))
        let opaque = RGBImage(width: 31, height: 17, pixels: (0..<(31 * 17 * 3)).map { UInt8($0 % 251) })
        #expect(try PNG.decode(try PNG.encode(opaque), name: "b.png") == opaque)
    }

    /// Text and other ancillary chunks are hidden from libpng: an iTXt claiming 2 GB in a small
    /// file is refused by its length before libpng allocates it; a harmless one changes nothing.
    @Test func hostileChunkLengths() throws {
        let valid = try PNG.encode(RGBImage(width: 4, height: 4, pixels: [UInt8](repeating: 9, count: 48)))
        let ihdrEnd = 8 + 25
        let text = PNGChunks.chunk("iTXt", Array("key".utf8) + [0, 0, 0, 0, 0] + Array("value".utf8))
        let withText = Array(valid[..<ihdrEnd]) + text + Array(valid[ihdrEnd...])
        #expect(try PNG.decode(withText, name: "text.png").pixels == [UInt8](repeating: 9, count: 48))

        var lying = withText
        lying.replaceSubrange(ihdrEnd..<(ihdrEnd + 4), with: [0x7F, 0xFF, 0xFF, 0xFF])
        let error = thrownImageError { _ = try PNG.decode(lying, name: "itxt.png") }
        #expect(error?.reason == "file is truncated: chunk 'iTXt' at offset 33 needs 2147483651 bytes (2147483647 and its CRC), \(lying.count - 41) are left")

        var over = withText
        over.replaceSubrange(ihdrEnd..<(ihdrEnd + 4), with: [0x80, 0, 0, 0])
        #expect(thrownImageError { _ = try PNG.decode(over, name: "x.png") }?.reason
                == "chunk 'iTXt' at offset 33 has a length of 2147483648, over PNG's limit of 2^31 - 1")

        var control = withText
        control.replaceSubrange((ihdrEnd + 4)..<(ihdrEnd + 8), with: [0x1B, 0x5B, 0x32, 0x4A])
        control.replaceSubrange(ihdrEnd..<(ihdrEnd + 4), with: [0x7F, 0xFF, 0xFF, 0xFF])
        #expect(thrownImageError { _ = try PNG.decode(control, name: "esc.png") }?.reason.hasPrefix("file is truncated: chunk '\\x1B[2J'") == true)
    }

    /// An IHDR claiming 2^31 pixels is refused from the header, before any pixel is decoded.
    @Test func headerClaimingTwoToTheThirtyOnePixels() {
        let error = thrownImageError { _ = try PNG.decode(PNGChunks.forgedHeader(width: 65536, height: 32768), name: "h.png") }
        #expect(error?.reason == "65536x32768 image has 2147483648 pixels, over the limit of 48000000 (raise it with --max-pixels)")
    }

    @Test func devicesAndOversizedFilesAreNotRead() throws {
        let device = thrownImageError { _ = try ImageFile.read(contentsOf: URL(fileURLWithPath: "/dev/zero")) }
        #expect(device?.reason == "is a device, not a file")
        let folder = try TemporaryDirectory()
        let path = folder.file("big.png")
        try Data(count: 9000 + (16 << 20)).write(to: path)
        let error = thrownImageError { _ = try ImageFile.read(contentsOf: path, budget: ImageBudget(maxPixels: 1000)) }
        #expect(error?.reason == "file is over \(8000 + (16 << 20)) bytes, more than an image of 1000 pixels can take (raise it with --max-pixels)")
    }

    @Test func jpegWithThousandsOfScansIsRefused() throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.url("jpeg/progressive_420.jpg")))
        let sos = try #require(JPEGSegments.parse(bytes).last { $0.marker == 0xDA })
        // 600 empty scans before the real data: each would make libjpeg pass over the image.
        let emptyScan = JPEGSegments.segment(0xDA, Array(sos.payload))
        let forged = Array(bytes[..<sos.offset]) + Array(repeating: emptyScan, count: 600).flatMap { $0 } + Array(bytes[sos.offset...])
        let error = thrownImageError { _ = try JPEG.decode(forged, name: "scans.jpg") }
        let scans = JPEGMarkers(scanning: bytes).scanCount
        #expect(scans >= 2)  // progressive
        #expect(error?.reason == "\(scans + 600) scans, more than the 500 any encoder writes")
    }

    /// libjpeg's own allocations stop at the limit: a progressive JPEG claiming 2000 x 2000
    /// needs 12 MB of coefficients, past a 1 MB limit.
    @Test func libjpegMemoryIsBounded() throws {
        let bytes = JPEGSegments.patchingSize(try [UInt8](Data(contentsOf: Fixtures.url("jpeg/progressive_420.jpg"))), width: 2000, height: 2000)
        let error = thrownImageError { _ = try JPEGDecoder.decode(bytes, name: "p.jpg", budget: ImageBudget(), memoryLimit: 1_000_000) }
        #expect(error?.reason == "decoding needs more than 1000000 bytes (progressive JPEGs keep every coefficient; raise the limit with --max-pixels)")
        // The default limit is restored for the next decoder.
        #expect(try JPEG.decode(bytes, name: "p.jpg").width == 2000)
    }
}

extension ImageBudgetTests {
    /// Columns then rows over the whole image in one intermediate: the order and arithmetic of
    /// the banded pass without its bands.
    static func unbandedResize(_ image: RGBImage, height: Int, width: Int) -> [UInt8] {
        let horizontal = ResizeWeights(inputSize: image.width, outputSize: width)
        let vertical = ResizeWeights(inputSize: image.height, outputSize: height)
        var columns = [Float](repeating: 0, count: image.height * width * 3)
        var out = [Float](repeating: 0, count: height * width * 3)
        image.pixels.withUnsafeBufferPointer { source in
            columns.withUnsafeMutableBufferPointer {
                SeparableResampler.resampleColumns(source, into: $0, rows: image.height, channels: 3, weights: horizontal)
            }
        }
        columns.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer {
                SeparableResampler.resampleRows(source, into: $0, rowLength: width * 3, weights: vertical,
                                                outputRows: 0..<height, sourceRows: 0..<image.height)
            }
        }
        return out.map(PixelByte.clamping)
    }
}

/// A small deterministic generator for test pictures.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
