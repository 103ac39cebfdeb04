// JPEGFixture: the entries of Tests/Fixtures/jpeg/manifest.json (written by
// scripts/fixtures/make_jpeg_fixtures.py): one JPEG per kind, each with the RGB8 bytes Pillow
// decodes it to (open, exif_transpose, convert("RGB")) in a .rgb file beside it.
import AttnTestSupport
import Foundation

struct JPEGFixture: Decodable, Sendable, CustomStringConvertible {
    let name: String
    /// The size the SOF header holds, before the orientation is applied.
    let storedWidth: Int
    let storedHeight: Int
    /// The upright size, Pillow's.
    let width: Int
    let height: Int
    /// Pillow's mode: RGB, L or CMYK.
    let mode: String
    let progressive: Bool
    let orientation: Int

    var jpegURL: URL { Fixtures.url("jpeg/\(name).jpg") }
    var bytes: [UInt8] { get throws { [UInt8](try Data(contentsOf: jpegURL)) } }
    var expectedRGB: [UInt8] { get throws { [UInt8](try Data(contentsOf: Fixtures.url("jpeg/\(name).rgb"))) } }
    var description: String { name }

    /// Empty when the manifest is missing or broken; `manifestCoversEveryKind` then fails.
    static let all: [JPEGFixture] = {
        guard let data = try? Data(contentsOf: Fixtures.url("jpeg/manifest.json")) else { return [] }
        return (try? JSONDecoder().decode([JPEGFixture].self, from: data)) ?? []
    }()

    static func named(_ name: String) -> JPEGFixture? { all.first { $0.name == name } }
}
