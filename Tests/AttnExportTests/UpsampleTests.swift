// A figure's heatmap is its map enlarged as F.interpolate(mode="bilinear", align_corners=False)
// does (Tests/Fixtures/export_upsample.safetensors, written by
// scripts/fixtures/make_export_fixtures.py).
import AttnEngine
@testable import AttnExport
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

private struct UpsampleCase: Sendable, CustomStringConvertible {
    let name: String
    let input: Tensor
    let expected: Tensor
    var description: String { name }

    static let all: [UpsampleCase] = {
        guard let file = try? SafeTensors.read(contentsOf: Fixtures.url("export_upsample.safetensors")) else { return [] }
        return file.metadata.keys.sorted().compactMap { name in
            guard let input = file.tensors["\(name)/input"], let expected = file.tensors["\(name)/expected"] else { return nil }
            return UpsampleCase(name: name, input: input, expected: expected)
        }
    }()
}

@Test func theFixtureHoldsEveryCase() {
    #expect(UpsampleCase.all.count == 6)
}

@Test("maps are enlarged as F.interpolate does", arguments: UpsampleCase.all)
private func mapsAreEnlargedAsPyTorchDoes(_ c: UpsampleCase) {
    let (height, width) = (c.expected.shape[0], c.expected.shape[1])
    let actual = HeatmapPainter.upsample(c.input, width: width, height: height)
    assertClose(Tensor(shape: [height, width], data: actual), c.expected, rtol: 1e-5, atol: 1e-6, c.name)
}
