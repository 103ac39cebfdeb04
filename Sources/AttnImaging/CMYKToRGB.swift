// CMYKToRGB: CMYK JPEG samples to RGB exactly as Pillow converts them. JPEG files store CMYK
// inverted (Adobe's convention, which libjpeg passes through and Pillow undoes on reading), so a
// stored sample s is ink 255 - s; Pillow's cmyk2rgb then computes (255-k) - c(255-k)/255 per channel.

enum CMYKToRGB {
    /// Converts in the samples' own buffer (pixel i's RGB lands at 3i, below the 4i it is read
    /// from), so a large CMYK photo does not hold two buffers.
    static func convert(storedCMYK samples: consuming [UInt8]) -> [UInt8] {
        var pixels = samples
        let count = pixels.count / 4
        pixels.withUnsafeMutableBufferPointer { cmyk in
            for i in 0..<count {
                let paper = Int(cmyk[4 * i + 3])  // 255 - k
                for c in 0..<3 {
                    let ink = 255 - Int(cmyk[4 * i + c])
                    cmyk[3 * i + c] = UInt8(paper - mulDiv255(ink, paper))
                }
            }
        }
        pixels.removeLast(count)
        return pixels
    }

    /// Pillow's MULDIV255: a * b / 255 rounded, in its integer form, so results agree bit for bit.
    @inline(__always)
    private static func mulDiv255(_ a: Int, _ b: Int) -> Int {
        let t = a * b + 128
        return ((t >> 8) + t) >> 8
    }
}
