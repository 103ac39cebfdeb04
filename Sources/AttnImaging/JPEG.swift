// JPEG: the entry points for reading JPEG files as 8-bit RGB, upright by their EXIF orientation;
// the TurboJPEG work lives in JPEGDecoder. There is no JPEG writer: exports are PNG.

import Foundation

public enum JPEG {
    /// Reads any baseline or progressive JPEG (gray, YCbCr, CMYK or YCCK) as 8-bit RGB.
    public static func read(contentsOf url: URL, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBImage {
        try JPEGDecoder.decode(ImageFileBytes.read(url, format: .jpeg, budget: budget), name: url.path, budget: budget)
    }

    /// Decodes JPEG bytes held in memory; `name` only labels errors.
    public static func decode(_ bytes: [UInt8], name: String, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBImage {
        try JPEGDecoder.decode(bytes, name: name, budget: budget)
    }
}
