// PNGFixture: the entries of Tests/Fixtures/png/manifest.json (written by
// scripts/fixtures/make_image_fixtures.py): one PNG per colour type / bit depth / interlace,
// each with the RGB8 bytes it must decode to in a .rgb file beside it.
import AttnTestSupport
import Foundation

struct PNGFixture: Decodable, Sendable, CustomStringConvertible {
    let name: String
    let width: Int
    let height: Int
    let colourType: Int
    let bitDepth: Int
    let interlaced: Bool

    var pngURL: URL { Fixtures.url("png/\(name).png") }
    var expectedRGB: [UInt8] { get throws { [UInt8](try Data(contentsOf: Fixtures.url("png/\(name).rgb"))) } }
    var description: String { name }

    /// Interlaced 16-bit with an alpha channel: the one kind the decoder narrows from libpng's
    /// premultiplied 16-bit output.
    var undoesPremultipliedAlpha: Bool { bitDepth == 16 && interlaced && (colourType == 4 || colourType == 6) }

    /// Empty when the manifest is missing or broken; `manifestCoversEveryFormat` then fails.
    static let all: [PNGFixture] = {
        guard let data = try? Data(contentsOf: Fixtures.url("png/manifest.json")) else { return [] }
        return (try? JSONDecoder().decode([PNGFixture].self, from: data)) ?? []
    }()
}
