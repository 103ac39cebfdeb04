// TestImages: small deterministic pictures for round trips and ops tests.
import AttnImaging

enum TestImages {
    /// Every byte value appears; neighbouring pixels differ so a shifted row would show.
    static func gradientRGB(width: Int, height: Int) -> RGBImage {
        let pixels = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: $0 * 7 + $0 / 5) }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// Alpha cycles through transparent, opaque and partial values.
    static func gradientRGBA(width: Int, height: Int) -> RGBAImage {
        let alphas: [UInt8] = [0, 255, 1, 128, 254, 77]
        var pixels: [UInt8] = []
        for i in 0..<(width * height) {
            pixels += [UInt8(truncatingIfNeeded: i * 11), UInt8(truncatingIfNeeded: i * 3 + 50),
                       UInt8(truncatingIfNeeded: 255 - i), alphas[i % alphas.count]]
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
