// RGBImage: an 8-bit RGB picture, channels interleaved, rows top to bottom. It is what PNG reading
// yields and what the preprocessing ops (resize, crop, normalisation) consume.

public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// R, G, B of each pixel in row-major order: `width * height * 3` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "negative image size \(width)x\(height)")
        precondition(pixels.count == width * height * 3,
                     "a \(width)x\(height) RGB image needs \(width * height * 3) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
