// PNGFixtureTests: every colour type, bit depth and interlace mode, written by an independent
// encoder (pypng), decodes to exactly the RGB8 bytes the fixture script derived from the samples.
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

@Suite struct PNGFixtureTests {
    @Test func manifestCoversEveryFormat() {
        let formats = Set(PNGFixture.all.map { "\($0.colourType)/\($0.bitDepth)" })
        let required = ["0/1", "0/2", "0/4", "0/8", "0/16", "4/8", "4/16", "2/8", "2/16", "6/8", "6/16",
                        "3/1", "3/2", "3/4", "3/8"]
        #expect(formats.isSuperset(of: required), "missing: \(Set(required).subtracting(formats))")
        let interlacedTypes = Set(PNGFixture.all.filter(\.interlaced).map(\.colourType))
        #expect(interlacedTypes == [0, 2, 3, 4, 6])
        #expect(PNGFixture.all.contains { $0.name.contains("_trns") && $0.colourType == 3 })
        #expect(PNGFixture.all.contains { $0.name.contains("_gamma") && $0.interlaced && $0.bitDepth == 16 })
    }

    @Test(arguments: PNGFixture.all)
    func headerMatchesManifest(_ fixture: PNGFixture) throws {
        // Guards the coverage claim: the file really is the colour type and depth it is named for.
        let bytes = [UInt8](try Data(contentsOf: fixture.pngURL))
        let chunks = PNGChunks.parse(bytes)
        let ihdr = try #require(chunks.first)
        #expect(ihdr.type == "IHDR")
        #expect(PNGChunks.bigEndian(ihdr.data, at: 0) == fixture.width)
        #expect(PNGChunks.bigEndian(ihdr.data, at: 4) == fixture.height)
        #expect(Int(ihdr.data[8]) == fixture.bitDepth)
        #expect(Int(ihdr.data[9]) == fixture.colourType)
        #expect(ihdr.data[12] == (fixture.interlaced ? 1 : 0))
        // The gamma fixtures exist to show a gAMA chunk is ignored, so they must carry one.
        #expect(chunks.contains { $0.type == "gAMA" } == fixture.name.contains("_gamma"))
    }

    @Test(arguments: PNGFixture.all)
    func decodesToExpectedRGB(_ fixture: PNGFixture) throws {
        let image = try PNG.read(contentsOf: fixture.pngURL)
        #expect(image.width == fixture.width)
        #expect(image.height == fixture.height)
        let expected = try fixture.expectedRGB
        try #require(image.pixels.count == expected.count)
        let differing = zip(image.pixels, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        if fixture.undoesPremultipliedAlpha {
            // libpng's 16 -> 8 bit path corrupts Adam7 images, so these are read at 16 bits with
            // premultiplied alpha and narrowed by us: a rare channel may be 1 off.
            #expect(differing.allSatisfy { abs(Int($0.element.0) - Int($0.element.1)) <= 1 })
            #expect(differing.count * 100 <= expected.count, "\(differing.count) bytes differ")
        } else if let first = differing.first {
            let (actual, wanted) = first.element
            Issue.record("\(differing.count) bytes differ, first at byte \(first.offset): \(actual) vs \(wanted)")
        }
    }
}
