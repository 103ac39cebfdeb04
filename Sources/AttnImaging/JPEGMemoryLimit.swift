// JPEGMemoryLimit: a cap on what libjpeg allocates inside a decompressor. A progressive JPEG
// keeps every DCT coefficient of the image while its scans arrive (up to 6 bytes a pixel, more
// than the pixels themselves), and TurboJPEG 2.x has no parameter for a limit. libjpeg's memory
// manager reads one from the JPEGMEM variable each time a decompressor is created and, having no
// backing store, fails cleanly past it; so the variable is set here, under the same lock as the
// creation, and only when the limit changes (once per run in practice).

import CTurboJPEG
import Foundation

enum JPEGMemoryLimit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed: Int?

    /// What libjpeg may allocate for an image within `budget`: the coefficients of a progressive
    /// image of `maxPixels` pixels in full-resolution colour (6 bytes a pixel) and 16 MB of tables.
    static func bytes(for budget: ImageBudget) -> Int {
        let (coefficients, overflow) = budget.maxPixels.multipliedReportingOverflow(by: 6)
        return overflow ? Int.max / 2 : coefficients + (16 << 20)
    }

    /// The message libjpeg's memory manager gives when the limit is reached.
    static let exceededMessage = "Backing store not supported"

    /// A TurboJPEG decompressor whose libjpeg allocations stop at `bytes`.
    static func decompressor(limit bytes: Int) -> tjhandle? {
        lock.withLock {
            if installed != bytes {
                // JPEGMEM counts thousands of bytes, or millions with an 'm'.
                setenv("JPEGMEM", "\(max(1, bytes / 1_000_000))m", 1)
                installed = bytes
            }
            return tjInitDecompress()
        }
    }
}
