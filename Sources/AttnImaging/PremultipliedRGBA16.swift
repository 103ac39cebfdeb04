// PremultipliedRGBA16: libpng's 16-bit "linear" RGBA (colour premultiplied by alpha) narrowed to
// straight 8-bit RGBA, for the one path that cannot ask libpng for 8 bits directly.
// Undoing the premultiplication cannot always recover the exact 16-bit colour, so with partial
// alpha about one channel value in a thousand ends up 1 away from libpng's 8-bit path.

enum PremultipliedRGBA16 {
    static func straightRGBA8(_ samples: [UInt16]) -> [UInt8] {
        let count = samples.count
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            samples.withUnsafeBufferPointer { wide in
                for pixel in stride(from: 0, to: count, by: 4) {
                    let alpha = UInt32(wide[pixel + 3])
                    out[pixel + 3] = scaled(alpha)
                    for c in 0..<3 {
                        // libpng premultiplied as (c * a + 32767) / 65535; divide back, rounding.
                        let colour = alpha == 0 ? 0 : min((UInt32(wide[pixel + c]) * 65535 + alpha / 2) / alpha, 65535)
                        out[pixel + c] = scaled(colour)
                    }
                }
            }
            initialized = count
        }
    }

    /// libpng's 16 -> 8 bit rounding (png_do_scale_16_to_8): round(v * 255 / 65535).
    @inline(__always)
    private static func scaled(_ value: UInt32) -> UInt8 {
        UInt8((value * 255 + 32895) >> 16)
    }
}
