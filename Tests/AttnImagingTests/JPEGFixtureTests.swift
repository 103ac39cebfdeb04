// JPEGFixtureTests: every kind of JPEG Pillow writes (baseline at three subsamplings, partial MCUs,
// progressive, gray, CMYK, YCCK, each EXIF orientation) decodes to what Pillow decodes it to.
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

@Suite struct JPEGFixtureTests {
    @Test func manifestCoversEveryKind() {
        let names = Set(JPEGFixture.all.map(\.name))
        let required = ["baseline_420", "baseline_422", "baseline_444", "baseline_odd_420", "progressive_420",
                        "gray", "gray_progressive", "cmyk", "ycck"] + (2...8).map { "orientation_\($0)" }
        #expect(names.isSuperset(of: required), "missing: \(Set(required).subtracting(names))")
        #expect(Set(JPEGFixture.all.map(\.mode)) == ["RGB", "L", "CMYK"])
        #expect(Set(JPEGFixture.all.map(\.orientation)) == Set(1...8))
    }

    @Test(arguments: JPEGFixture.all)
    func headerMatchesManifest(_ fixture: JPEGFixture) throws {
        // Guards the coverage claim: the file really is the kind it is named for.
        let bytes = try fixture.bytes
        let frame = try #require(JPEGSegments.frame(bytes))
        #expect(frame.marker == (fixture.progressive ? 0xC2 : 0xC0))
        let p = frame.payload.startIndex
        #expect(Int(bytes[p + 1]) << 8 | Int(bytes[p + 2]) == fixture.storedHeight)
        #expect(Int(bytes[p + 3]) << 8 | Int(bytes[p + 4]) == fixture.storedWidth)
        #expect(Int(bytes[p + 5]) == ["L": 1, "RGB": 3, "CMYK": 4][fixture.mode])
        let adobe = JPEGSegments.parse(bytes).first { $0.marker == 0xEE }
        if fixture.mode == "CMYK" {
            // Adobe's transform flag: 0 for plain (inverted) CMYK, 2 for YCCK.
            let transform = try #require(adobe).payload.last
            #expect(transform == (fixture.name == "ycck" ? 2 : 0))
        }
    }

    /// Measured against Pillow 13 (its bundled libjpeg-turbo 3.2) with Debian's libjpeg-turbo
    /// 2.1.5: every fixture is bit-exact, since both use the accurate integer IDCT and fancy
    /// upsampling. The bound leaves a level or two for other libjpeg builds on single pixels;
    /// the mean keeps it tight: the fast IDCT alone gives max 3 and a mean of about 1 here, and
    /// the non-fancy upsampler max 76.
    @Test(arguments: JPEGFixture.all)
    func decodesLikePillow(_ fixture: JPEGFixture) throws {
        let image = try JPEG.read(contentsOf: fixture.jpegURL)
        #expect(image.width == fixture.width)
        #expect(image.height == fixture.height)
        let expected = try fixture.expectedRGB
        try #require(image.pixels.count == expected.count)
        let differences = zip(image.pixels, expected).map { abs(Int($0) - Int($1)) }
        let largest = differences.max() ?? 0
        let mean = Double(differences.reduce(0, +)) / Double(max(differences.count, 1))
        #expect(largest <= 2, "max difference \(largest), mean \(mean)")
        #expect(mean <= 0.1, "max difference \(largest), mean \(mean)")
    }

    @Test func grayIsReplicated() throws {
        let image = try JPEG.read(contentsOf: try #require(JPEGFixture.named("gray")).jpegURL)
        let pixels = stride(from: 0, to: image.pixels.count, by: 3).map { image.pixels[$0..<($0 + 3)] }
        #expect(pixels.allSatisfy { Set($0).count == 1 })
    }
}
