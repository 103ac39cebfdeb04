// PNGCorpusTests: a corpus of broken PNGs, each with the one error line it must give: truncated
// at every chunk boundary and inside every chunk, bad CRCs, chunks out of order or missing, bad
// header fields, 0 x 0 and 1 x 1,000,000 images, a header claiming 2^31 pixels, palette images
// with a bad palette. Generated here from a valid 4 x 3 palette file, so each case says what it
// is; the expected lines are libpng's where libpng finds the fault, attnview's where the chunk
// screen or the budget does.
import AttnImaging
import AttnTestSupport
import Testing

struct BrokenPNG: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    /// nil: the file still decodes (damage libpng and PIL tolerate).
    let reason: String?
    var testDescription: String { name }
}

enum PNGCorpus {
    typealias C = PNGChunks
    static let valid = C.paletteChunks()  // signature, IHDR, PLTE, IDAT, IEND
    static func file(_ chunks: [[UInt8]]) -> [UInt8] { chunks.flatMap { $0 } }
    static func cut(_ length: Int) -> [UInt8] { Array(file(valid).prefix(length)) }

    /// `chunk` with its CRC's first byte flipped.
    static func badCRC(_ chunk: [UInt8]) -> [UInt8] {
        var c = chunk
        c[c.count - 4] ^= 0xFF
        return c
    }

    static func replacing(_ index: Int, with chunk: [UInt8]) -> [UInt8] {
        var chunks = valid
        chunks[index] = chunk
        return file(chunks)
    }

    static func ihdr(_ width: UInt32, _ height: UInt32, depth: UInt8 = 8, colour: UInt8 = 3, interlace: UInt8 = 0,
                     compression: UInt8 = 0, filter: UInt8 = 0) -> [UInt8] {
        replacing(1, with: C.ihdr(width: width, height: height, depth: depth, colour: colour, interlace: interlace,
                                  compression: compression, filter: filter))
    }

    static let truncated = "file is truncated: it ends before the image data does"

    static let cases: [BrokenPNG] = [
        // Truncated at every boundary (offsets 8, 33, 57, 95) and inside every chunk.
        BrokenPNG(name: "cut inside the signature", bytes: cut(4), reason: "file is truncated (4 bytes)"),
        BrokenPNG(name: "cut after the signature", bytes: cut(8), reason: "file is truncated (8 bytes)"),
        BrokenPNG(name: "cut inside IHDR", bytes: cut(20),
                  reason: "file is truncated: chunk 'IHDR' at offset 8 needs 17 bytes (13 and its CRC), 4 are left"),
        BrokenPNG(name: "cut before PLTE", bytes: cut(33), reason: truncated),
        BrokenPNG(name: "cut inside PLTE", bytes: cut(45),
                  reason: "file is truncated: chunk 'PLTE' at offset 33 needs 16 bytes (12 and its CRC), 4 are left"),
        BrokenPNG(name: "cut before IDAT", bytes: cut(57), reason: truncated),
        BrokenPNG(name: "cut inside IDAT", bytes: cut(76),
                  reason: "file is truncated: chunk 'IDAT' at offset 57 needs 30 bytes (26 and its CRC), 11 are left"),
        BrokenPNG(name: "cut before IEND (the image is whole)", bytes: cut(95), reason: nil),
        BrokenPNG(name: "cut inside IEND (the image is whole)", bytes: cut(101), reason: nil),
        // CRCs.
        BrokenPNG(name: "bad IHDR CRC", bytes: replacing(1, with: badCRC(valid[1])), reason: "IHDR: CRC error"),
        BrokenPNG(name: "bad PLTE CRC", bytes: replacing(2, with: badCRC(valid[2])), reason: "PLTE: CRC error"),
        BrokenPNG(name: "bad IDAT CRC", bytes: replacing(3, with: badCRC(valid[3])), reason: "IDAT: CRC error"),
        // libpng stops reading at a whole image: IEND's CRC is not checked.
        BrokenPNG(name: "bad IEND CRC", bytes: replacing(4, with: badCRC(valid[4])), reason: nil),
        BrokenPNG(name: "bad CRC of a text chunk (hidden, ignored)",
                  bytes: file([valid[0], valid[1], badCRC(C.chunk("tEXt", Array("a\u{0}b".utf8))), valid[2], valid[3], valid[4]]), reason: nil),
        // Order.
        BrokenPNG(name: "IDAT before PLTE", bytes: file([valid[0], valid[1], valid[3], valid[2], valid[4]]), reason: "IDAT: Missing PLTE before IDAT"),
        BrokenPNG(name: "PLTE before IHDR", bytes: file([valid[0], valid[2], valid[1], valid[3], valid[4]]), reason: "PLTE: missing IHDR"),
        BrokenPNG(name: "two IHDRs", bytes: file([valid[0], valid[1], valid[1], valid[2], valid[3], valid[4]]), reason: "IHDR: out of place"),
        BrokenPNG(name: "IEND first", bytes: file([valid[0], valid[4], valid[1], valid[2], valid[3]]), reason: "IEND: out of place"),
        BrokenPNG(name: "no IDAT", bytes: file([valid[0], valid[1], valid[2], valid[4]]), reason: "IEND: out of place"),
        BrokenPNG(name: "no PLTE", bytes: file([valid[0], valid[1], valid[3], valid[4]]), reason: "IDAT: Missing PLTE before IDAT"),
        BrokenPNG(name: "an unknown critical chunk", bytes: file([valid[0], valid[1], C.chunk("ABCD", [1]), valid[2], valid[3], valid[4]]), reason: "ABCD: unhandled critical chunk"),
        // Header fields.
        BrokenPNG(name: "0x0 image", bytes: ihdr(0, 0), reason: "Invalid IHDR data"),
        BrokenPNG(name: "1x1000000 image", bytes: ihdr(1, 1_000_000), reason: "1x1000000 image is over 50 times as tall as wide, past the aspect limit (raise it with --max-aspect)"),
        BrokenPNG(name: "2^31 pixels", bytes: ihdr(65536, 32768), reason: "65536x32768 image has 2147483648 pixels, over the limit of 48000000 (raise it with --max-pixels)"),
        BrokenPNG(name: "width 2^31 - 1", bytes: ihdr(0x7FFF_FFFF, 1), reason: "Invalid IHDR data"),
        BrokenPNG(name: "width 2^32 - 1", bytes: ihdr(0xFFFF_FFFF, 1), reason: "PNG unsigned integer out of range"),
        BrokenPNG(name: "bit depth 3", bytes: ihdr(4, 3, depth: 3), reason: "Invalid IHDR data"),
        BrokenPNG(name: "colour type 5", bytes: ihdr(4, 3, colour: 5), reason: "Invalid IHDR data"),
        BrokenPNG(name: "palette of 16-bit indices", bytes: ihdr(4, 3, depth: 16), reason: "Invalid IHDR data"),
        BrokenPNG(name: "interlace method 2", bytes: ihdr(4, 3, interlace: 2), reason: "Invalid IHDR data"),
        BrokenPNG(name: "compression method 1", bytes: ihdr(4, 3, compression: 1), reason: "Invalid IHDR data"),
        BrokenPNG(name: "filter method 1", bytes: ihdr(4, 3, filter: 1), reason: "Invalid IHDR data"),
        // Palettes.
        BrokenPNG(name: "empty palette", bytes: file(C.paletteChunks(entries: 0, indices: [UInt8](repeating: 0, count: 12))), reason: "Invalid palette"),
        BrokenPNG(name: "palette of 257 entries", bytes: file(C.paletteChunks(entries: 257)), reason: "PLTE: invalid"),
        BrokenPNG(name: "palette length not a multiple of 3", bytes: replacing(2, with: C.chunk("PLTE", [1, 2, 3, 4, 5])), reason: "PLTE: invalid"),
        // Tolerated as libpng and PIL tolerate them: out-of-range indices are black, the
        // extra tRNS entries and image data are dropped.
        BrokenPNG(name: "index past the palette", bytes: file(C.paletteChunks(entries: 4, indices: [UInt8](repeating: 200, count: 12))), reason: nil),
        BrokenPNG(name: "tRNS longer than the palette",
                  bytes: file([valid[0], valid[1], valid[2], C.chunk("tRNS", [UInt8](repeating: 7, count: 9)), valid[3], valid[4]]), reason: nil),
        // Image data.
        BrokenPNG(name: "filter byte 5", bytes: replacing(3, with: C.chunk("IDAT", C.zlibStored([5, 0, 1, 2, 3] + [UInt8](repeating: 0, count: 10)))), reason: "bad adaptive filter value"),
        BrokenPNG(name: "too little image data", bytes: replacing(3, with: C.chunk("IDAT", C.zlibStored([0, 0, 1, 2, 3]))), reason: "Not enough image data"),
        BrokenPNG(name: "too much image data", bytes: replacing(3, with: C.chunk("IDAT", C.zlibStored([UInt8](repeating: 0, count: 400)))), reason: nil),
        BrokenPNG(name: "IDAT not zlib", bytes: replacing(3, with: C.chunk("IDAT", [1, 2, 3, 4, 5, 6])), reason: "IDAT: incorrect header check"),
    ]
}

@Suite struct PNGCorpusTests {
    @Test func theCorpusStartsFromAValidFile() throws {
        let image = try PNG.decode(PNGCorpus.file(PNGCorpus.valid), name: "valid.png")
        #expect(image.width == 4 && image.height == 3)
        #expect(PNGCorpus.valid.map(\.count) == [8, 25, 24, 38, 12])
    }

    @Test(arguments: PNGCorpus.cases)
    func brokenFile(_ broken: BrokenPNG) {
        do {
            _ = try PNG.decode(broken.bytes, name: "broken.png")
            #expect(broken.reason == nil, "decoded, expected: \(broken.reason ?? "")")
        } catch {
            #expect(error.description == "cannot read PNG 'broken.png': \(broken.reason ?? "(decodes)")")
            #expect(!error.description.contains("\n"))
        }
    }
}
