// PNGErrorTests: bad input gives one-line errors naming the file and the cause, never a crash or
// a hang; the size budget refuses huge headers before any pixel is decoded.
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

@Suite struct PNGErrorTests {
    /// The ImageError a call threw; records an issue if it threw nothing or something else.
    func thrownError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ImageError? {
        do {
            try body()
        } catch let error as ImageError {
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("expected an ImageError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
        Issue.record("expected an ImageError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    }

    func validPNG() throws -> [UInt8] { try PNG.encode(TestImages.gradientRGB(width: 40, height: 30)) }

    @Test func missingFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("absent.png")
        let error = thrownError { _ = try PNG.read(contentsOf: path) }
        #expect(error?.description == "cannot read PNG '\(path.path)': cannot open file (No such file or directory)")
    }

    @Test func directoryIsNotAFile() throws {
        let folder = try TemporaryDirectory()
        let error = thrownError { _ = try PNG.read(contentsOf: folder.url) }
        #expect(error?.reason == "is a directory")
    }

    @Test func nonPNGFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("notes.png")
        try Data("just some text, long enough to pass for a header".utf8).write(to: path)
        let error = thrownError { _ = try PNG.read(contentsOf: path) }
        #expect(error?.description == "cannot read PNG '\(path.path)': not a PNG file")
    }

    @Test func emptyFile() {
        let error = thrownError { _ = try PNG.decode([], name: "empty.png") }
        #expect(error?.description == "cannot read PNG 'empty.png': not a PNG file")
    }

    @Test(arguments: ["in signature", "after signature", "in IHDR", "before IDAT", "in IDAT", "before IEND"])
    func truncatedFile(_ cut: String) throws {
        let bytes = try validPNG()
        let chunks = PNGChunks.parse(bytes)
        let idat = try #require(chunks.first { $0.type == "IDAT" })
        let iend = try #require(chunks.first { $0.type == "IEND" })
        let length = switch cut {
        case "in signature": 5
        case "after signature": 8
        case "in IHDR": 8 + 8 + 5
        case "before IDAT": idat.offset
        case "in IDAT": idat.dataOffset + idat.data.count / 2
        default: iend.offset - 2  // the IDAT CRC is cut short
        }
        let error = thrownError { _ = try PNG.decode(Array(bytes.prefix(length)), name: "cut.png") }
        #expect(error?.file == "cut.png")
        #expect(error?.reason.isEmpty == false)
    }

    @Test func corruptIDATChecksum() throws {
        var bytes = try validPNG()
        let idat = try #require(PNGChunks.parse(bytes).first { $0.type == "IDAT" })
        bytes[idat.crcOffset] ^= 0xFF
        let error = thrownError { _ = try PNG.decode(bytes, name: "crc.png") }
        #expect(error?.description == "cannot read PNG 'crc.png': IDAT: CRC error")
    }

    @Test func corruptIDATData() throws {
        // Break zlib's own Adler-32 at the end of the stream and re-sign the chunk, so only the
        // decompressor can notice.
        let bytes = try validPNG()
        let chunks = PNGChunks.parse(bytes)
        let idat = try #require(chunks.last { $0.type == "IDAT" })
        var data = idat.data
        data[data.count - 1] ^= 0x55
        let forged = Array(bytes[..<idat.offset]) + PNGChunks.chunk("IDAT", data) + Array(bytes[(idat.crcOffset + 4)...])
        let error = thrownError { _ = try PNG.decode(forged, name: "data.png") }
        #expect(error?.description == "cannot read PNG 'data.png': IDAT: incorrect data check")
    }

    @Test func hugeHeaderIsRefusedBeforeDecoding() {
        let bytes = PNGChunks.forgedHeader(width: 60000, height: 60000)
        let error = thrownError { _ = try PNG.decode(bytes, name: "huge.png") }
        #expect(error?.description.contains("--max-pixels") == true)
        #expect(error?.description.contains("60000x60000") == true)
        // The IDAT is garbage: had decoding started, the error would be about it.
        #expect(error?.description.contains("IDAT") == false)
    }

    @Test func forgedHeaderWithinBudgetDoesReachTheData() {
        // The counterpart of the test above: the same garbage is reported once decoding runs.
        let bytes = PNGChunks.forgedHeader(width: 3, height: 2)
        let error = thrownError { _ = try PNG.decode(bytes, name: "small.png") }
        #expect(error?.description.contains("--max-pixels") == false)
    }

    @Test func budgetIsInclusive() throws {
        let bytes = try PNG.encode(TestImages.gradientRGB(width: 13, height: 7))
        #expect(try PNG.decode(bytes, name: "ok.png", budget: ImageBudget(maxPixels: 91)).width == 13)
        let error = thrownError { _ = try PNG.decode(bytes, name: "big.png", budget: ImageBudget(maxPixels: 90)) }
        #expect(error?.description == "cannot read PNG 'big.png': 13x7 image has 91 pixels, over the limit of 90 (raise it with --max-pixels)")
    }

    @Test func writeToMissingFolder() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("no/such/folder/out.png")
        let error = thrownError { try PNG.write(TestImages.gradientRGB(width: 2, height: 2), to: path) }
        #expect(error?.description == "cannot write PNG '\(path.path)': cannot create file (No such file or directory)")
    }

    @Test func writeEmptyImage() {
        let error = thrownError { _ = try PNG.encode(RGBImage(width: 0, height: 0, pixels: [])) }
        #expect(error?.operation == .write)
    }
}
