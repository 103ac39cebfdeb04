// ImageBudget: how large a picture attnview agrees to decode, checked from the file's header
// before any pixel buffer exists. Photos from the web can be decompression bombs (a 2 KB PNG that
// claims a million rows), so the pixel count, the aspect ratio and the file size are bounded; each
// refusal names the limit and the option that raises it. Within the defaults, a run on any
// accepted image stays under 500 MB.

public struct ImageBudget: Sendable, Equatable {
    /// 48 megapixels: an 8000 x 6000 photo.
    public static let defaultMaxPixels = 48_000_000
    /// Longer side over shorter side: wide panoramas pass; a 1 x 1,000,000 strip does not.
    public static let defaultMaxAspect = 50

    /// Largest width * height.
    public var maxPixels: Int
    /// Largest ratio of the longer side to the shorter.
    public var maxAspect: Int

    public init(maxPixels: Int = defaultMaxPixels, maxAspect: Int = defaultMaxAspect) {
        self.maxPixels = maxPixels
        self.maxAspect = maxAspect
    }

    /// Largest image file read: 8 bytes a pixel (16-bit RGBA, stored without compression) and
    /// 16 MiB of chunks or markers, so no real encoding of an accepted image is refused while a
    /// device or a runaway file is not read into memory whole.
    public var maxFileBytes: Int {
        let (pixels, overflow) = maxPixels.multipliedReportingOverflow(by: 8)
        return overflow ? Int.max : pixels.addingReportingOverflow(16 << 20).overflow ? Int.max : pixels + (16 << 20)
    }

    /// Why a `width` x `height` image is refused, or nil when it fits.
    public func refusal(width: Int, height: Int) -> String? {
        guard width > 0 && height > 0 else { return "the header gives a size of \(width)x\(height)" }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels {
            let count = overflow ? "more than \(Int.max)" : "\(pixels)"
            return "\(width)x\(height) image has \(count) pixels, over the limit of \(maxPixels) (raise it with --max-pixels)"
        }
        let longer = max(width, height), shorter = min(width, height)
        let (allowed, aspectOverflow) = shorter.multipliedReportingOverflow(by: maxAspect)
        if !aspectOverflow && longer > allowed {
            let shape = height > width ? "tall as wide" : "wide as tall"
            return "\(width)x\(height) image is over \(maxAspect) times as \(shape), past the aspect limit (raise it with --max-aspect)"
        }
        return nil
    }

    /// Why a file of `bytes` is refused before it is read whole, or nil.
    public func fileRefusal(bytes: Int) -> String? {
        guard bytes > maxFileBytes else { return nil }
        return "file is over \(maxFileBytes) bytes, more than an image of \(maxPixels) pixels can take (raise it with --max-pixels)"
    }
}
