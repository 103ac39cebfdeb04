// CenterCropTests: torchvision's center_crop placement, including its half-to-even rounding.
import AttnEngine
import AttnImaging
import AttnTestSupport
import Testing

@Suite struct CenterCropTests {
    @Test func fixtureHasAllCases() {
        #expect(ImageOpCase.cases("crop").count == 5)
    }

    @Test(arguments: ImageOpCase.cases("crop"))
    func tensorMatchesTorchvision(_ fixture: ImageOpCase) {
        let (height, width) = fixture.size
        assertClose(fixture.input.centerCropped(height: height, width: width), fixture.expected,
                    rtol: 0, atol: 0, fixture.name)
    }

    @Test func imageCropMatchesTensorCrop() {
        let image = TestImages.gradientRGB(width: 14, height: 11)
        for (h, w) in [(6, 9), (8, 11), (11, 14), (1, 1)] {
            let viaTensor = RGBImage(clamping: image.tensor(normalization: .none).centerCropped(height: h, width: w))
            #expect(image.centerCropped(height: h, width: w) == viaTensor, "\(h)x\(w)")
        }
    }

    @Test func oddMarginsRoundHalfToEven() {
        // Margins 5 and 3 both start the crop at 2 (round(2.5) = 2, round(1.5) = 2).
        let row = Tensor(shape: [1, 11], data: (0..<11).map(Float.init))
        #expect(row.centerCropped(height: 1, width: 6).data == [2, 3, 4, 5, 6, 7])
        #expect(row.centerCropped(height: 1, width: 8).data == [2, 3, 4, 5, 6, 7, 8, 9])
    }
}
