// RGBAImage: an 8-bit RGB picture with straight (not premultiplied) alpha, as PNG stores it.
// Reading keeps it only until compositing; writing accepts it so exports can be translucent.

public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// R, G, B, A of each pixel in row-major order: `width * height * 4` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "negative image size \(width)x\(height)")
        precondition(pixels.count == width * height * 4,
                     "a \(width)x\(height) RGBA image needs \(width * height * 4) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The networks see no alpha, so transparent areas become a neutral gray rather than black,
    /// which would read as strong content. Blending is done here on the stored 8-bit values,
    /// round((c*a + g*(255-a)) / 255), so it does not depend on libpng's gamma-space compositing.
    public func composited(overGray gray: UInt8 = 127) -> RGBImage {
        var copy = self
        return copy.compositedInPlace(overGray: gray)
    }

    /// `composited`, written over this image's own buffer (pixel i's RGB lands at 3i, never past
    /// the 4i it is read from), so decoding a large PNG does not hold both buffers at once.
    mutating func compositedInPlace(overGray gray: UInt8 = 127) -> RGBImage {
        let count = width * height
        let background = UInt32(gray)
        pixels.withUnsafeMutableBufferPointer { rgba in
            for i in 0..<count {
                let alpha = UInt32(rgba[4 * i + 3])
                let behind = background * (255 - alpha)
                for c in 0..<3 {
                    // +127 before the division rounds to nearest; x/255 is never exactly a half.
                    rgba[3 * i + c] = UInt8((UInt32(rgba[4 * i + c]) * alpha + behind + 127) / 255)
                }
            }
        }
        var rgb = [UInt8]()
        swap(&rgb, &pixels)
        rgb.removeLast(count)
        return RGBImage(width: width, height: height, pixels: rgb)
    }
}
