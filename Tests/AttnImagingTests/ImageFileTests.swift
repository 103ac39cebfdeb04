// ImageFileTests: ImageFile tells PNG from JPEG by the first bytes, whatever the file is named,
// and anything else is "not a PNG or JPEG file".
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

@Suite struct ImageFileTests {
    @Test func pngNamedJPGReads() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("photo.jpg")
        let image = TestImages.gradientRGB(width: 9, height: 5)
        try PNG.write(image, to: path)
        #expect(try ImageFile.read(contentsOf: path) == image)
    }

    @Test func jpegNamedPNGReads() throws {
        let fixture = try #require(JPEGFixture.named("orientation_8"))
        let folder = try TemporaryDirectory()
        let path = folder.file("photo.png")
        try Data(try fixture.bytes).write(to: path)
        let image = try ImageFile.read(contentsOf: path)
        #expect(image == (try JPEG.read(contentsOf: fixture.jpegURL)))
        #expect(image.pixels == (try fixture.expectedRGB))
    }

    @Test func budgetReachesTheReader() throws {
        let fixture = try #require(JPEGFixture.named("gray"))
        let error = thrownImageError { _ = try ImageFile.read(contentsOf: fixture.jpegURL, budget: ImageBudget(maxPixels: 100)) }
        #expect(error?.format == .jpeg)
        #expect(error?.reason == "40x24 image has 960 pixels, over the limit of 100 (raise it with --max-pixels)")
    }

    @Test func textFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("notes.jpg")
        try Data("just some text, long enough to pass for a header".utf8).write(to: path)
        let error = thrownImageError { _ = try ImageFile.read(contentsOf: path) }
        #expect(error?.description == "cannot read image '\(path.path)': not a PNG or JPEG file")
    }

    @Test(arguments: [[], [0x00], [0xFF, 0xD8, 0x00, 0x10], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00],
                      Array("GIF89a".utf8), [0x42, 0x4D, 0, 0, 0, 0]] as [[UInt8]])
    func otherBytes(_ bytes: [UInt8]) {
        let error = thrownImageError { _ = try ImageFile.decode(bytes, name: "x") }
        #expect(error?.description == "cannot read image 'x': not a PNG or JPEG file")
    }

    @Test func cutSignaturesGoToTheirReader() {
        // A file cut inside its signature is a truncated PNG or JPEG, not an unknown format.
        let png = thrownImageError { _ = try ImageFile.decode([0x89, 0x50, 0x4E], name: "a") }
        #expect(png?.description == "cannot read PNG 'a': file is truncated (3 bytes)")
        let jpeg = thrownImageError { _ = try ImageFile.decode([0xFF, 0xD8], name: "b") }
        #expect(jpeg?.description == "cannot read JPEG 'b': file is truncated (2 bytes)")
    }

    @Test func missingFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("absent.png")
        let error = thrownImageError { _ = try ImageFile.read(contentsOf: path) }
        #expect(error?.description == "cannot read image '\(path.path)': cannot open file (No such file or directory)")
    }

    @Test func pngErrorsKeepTheirSpelling() throws {
        let bytes = try PNG.encode(TestImages.gradientRGB(width: 13, height: 7))
        let error = thrownImageError { _ = try ImageFile.decode(bytes, name: "big.png", budget: ImageBudget(maxPixels: 90)) }
        #expect(error?.description == "cannot read PNG 'big.png': 13x7 image has 91 pixels, over the limit of 90 (raise it with --max-pixels)")
    }
}
