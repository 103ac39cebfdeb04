// RGBImage+Orientation: shows an image upright by the rotation or flip its EXIF orientation asks
// for, with the same transposes Pillow's ImageOps.exif_transpose picks for each value.

extension RGBImage {
    func oriented(_ orientation: EXIFOrientation) -> RGBImage {
        guard orientation != .up, width > 0, height > 0 else { return self }
        let w = width, h = height, last = (h - 1) * w
        // Each output pixel reads source pixel `start + x * stepX + y * stepY`: every orientation
        // is a walk over the source with one step per output column and one per output row.
        let (start, stepX, stepY, swapsAxes): (Int, Int, Int, Bool) = switch orientation {
        case .up: (0, 1, w, false)
        case .mirrored: (w - 1, -1, w, false)
        case .rotated180: (last + w - 1, -1, -w, false)
        case .flipped: (last, 1, -w, false)
        case .transposed: (0, w, 1, true)
        case .rotatedClockwise: (last, -w, 1, true)
        case .transversed: (last + w - 1, -w, -1, true)
        case .rotatedCounterClockwise: (w - 1, w, -1, true)
        }
        let outWidth = swapsAxes ? h : w, outHeight = swapsAxes ? w : h
        let turned = [UInt8](unsafeUninitializedCapacity: pixels.count) { out, initialized in
            pixels.withUnsafeBufferPointer { source in
                var o = 0
                for y in 0..<outHeight {
                    var s = start + y * stepY
                    for _ in 0..<outWidth {
                        out[o] = source[3 * s]
                        out[o + 1] = source[3 * s + 1]
                        out[o + 2] = source[3 * s + 2]
                        o += 3
                        s += stepX
                    }
                }
            }
            initialized = pixels.count
        }
        return RGBImage(width: outWidth, height: outHeight, pixels: turned)
    }
}
