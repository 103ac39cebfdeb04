// NormalizationTests: RGBImage -> (1, 3, H, W) tensor with torchvision's mean/std or an
// offset/scale, and the way back from a 0...255 tensor to bytes.
import AttnEngine
import AttnImaging
import AttnTestSupport
import Testing

@Suite struct NormalizationTests {
    @Test func fixtureHasAllCases() {
        #expect(ImageOpCase.cases("normalize").count == 2)
    }

    @Test(arguments: ImageOpCase.cases("normalize"))
    func matchesTorchvision(_ fixture: ImageOpCase) throws {
        let p = fixture.parameters
        let normalization: PixelNormalization = switch p.kind {
        case "meanStd": .meanStd(mean: try #require(p.mean), std: try #require(p.std))
        default: .offsetScale(offset: try #require(p.offset), scale: try #require(p.scale))
        }
        let actual = RGBImage(clamping: fixture.input).tensor(normalization: normalization)
        assertClose(actual, fixture.expected, rtol: 1e-6, atol: 1e-6, fixture.name)
    }

    @Test func imageNetPresetIsTheTorchvisionStatistics() {
        #expect(PixelNormalization.imageNet == .meanStd(mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225]))
    }

    @Test func layoutIsPlanar() {
        let image = RGBImage(width: 2, height: 1, pixels: [1, 2, 3, 4, 5, 6])
        let tensor = image.tensor(normalization: .none)
        #expect(tensor.shape == [1, 3, 1, 2])
        #expect(tensor.data == [1, 4, 2, 5, 3, 6])
    }

    @Test func bytesSurviveTensorRoundTrip() {
        let image = TestImages.gradientRGB(width: 9, height: 5)
        #expect(RGBImage(clamping: image.tensor(normalization: .none)) == image)
        let planar = image.tensor(normalization: .none).reshaped([3, 5, 9])
        #expect(RGBImage(clamping: planar) == image)
    }

    @Test func tensorToImageRoundsAndClamps() {
        // Planes R, G, B: pixel 0 is (-3, 0.49, 254.5), pixel 1 is (300, 0.5, NaN).
        let tensor = Tensor(shape: [3, 1, 2], data: [-3, 300, 0.49, 0.5, 254.5, .nan])
        #expect(RGBImage(clamping: tensor).pixels == [0, 0, 255, 255, 1, 0])
    }
}
