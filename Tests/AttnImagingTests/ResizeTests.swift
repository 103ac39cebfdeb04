// ResizeTests: antialiased bilinear resizing against F.interpolate(mode="bilinear",
// align_corners=False, antialias=True), for tensors and for 8-bit images.
import AttnEngine
import AttnImaging
import AttnTestSupport
import Testing

@Suite struct ResizeTests {
    @Test func fixtureHasAllCases() {
        #expect(ImageOpCase.cases("resize").count == 9)
        #expect(ImageOpCase.cases("resize_rgb8").count == 2)
    }

    @Test(arguments: ImageOpCase.cases("resize"))
    func tensorMatchesPyTorch(_ fixture: ImageOpCase) {
        let (height, width) = fixture.size
        assertClose(fixture.input.resizedBilinear(height: height, width: width), fixture.expected,
                    rtol: 1e-4, atol: 1e-4, fixture.name)
    }

    @Test(arguments: ImageOpCase.cases("resize_rgb8"))
    func imageMatchesPyTorchWithinRounding(_ fixture: ImageOpCase) {
        let (height, width) = fixture.size
        let resized = RGBImage(clamping: fixture.input).resizedBilinear(height: height, width: width)
        let actual = resized.tensor(normalization: .none)
        // Bytes are the float result rounded: at most half a level away.
        assertClose(actual, fixture.expected, rtol: 0, atol: 0.5 + 1e-3, fixture.name)
        #expect(actual.shape == [1, 3, height, width])
    }

    @Test func constantImageStaysConstant() {
        let image = RGBImage(width: 37, height: 23, pixels: [UInt8](repeating: 200, count: 37 * 23 * 3))
        for (h, w) in [(5, 7), (23, 37), (50, 81), (1, 1)] {
            #expect(image.resizedBilinear(height: h, width: w).pixels.allSatisfy { $0 == 200 })
        }
    }

    @Test func imageAgreesWithTensorPath() {
        // The interleaved byte path and the planar float path are separate code; they must agree.
        let image = TestImages.gradientRGB(width: 41, height: 29)
        let viaTensor = RGBImage(clamping: image.tensor(normalization: .none).resizedBilinear(height: 12, width: 17))
        #expect(image.resizedBilinear(height: 12, width: 17) == viaTensor)
    }
}
