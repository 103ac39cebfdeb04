// PixelByte: float pixel values back to bytes: rounded to nearest (halves away from zero) and
// clamped to 0...255, with NaN as 0 so a broken value cannot trap the conversion.

enum PixelByte {
    @inline(__always)
    static func clamping(_ value: Float) -> UInt8 {
        guard value > 0 else { return 0 }  // also catches NaN
        guard value < 255 else { return 255 }
        return UInt8(value.rounded())
    }
}
