// PNG: the entry points for reading and writing PNG files; the libpng work lives in PNGDecoder
// and PNGEncoder. Reading always yields 8-bit RGB with alpha composited over gray 127.

import AttnFiles
import Foundation

public enum PNG {
    /// How hard the encoder compresses: `small` as libpng's default (zlib level 6, the best
    /// row filter per row), `fast` at zlib level 2 with the Paeth filter, about six times
    /// faster for files some 15% larger: what batch export writes.
    public enum Compression: Sendable {
        case small, fast
    }

    /// Reads any PNG (every colour type, bit depth, interlaced or not) as 8-bit RGB.
    public static func read(contentsOf url: URL, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBImage {
        try PNGDecoder.decodeRGB(ImageFileBytes.read(url, format: .png, budget: budget), name: url.path, budget: budget)
    }

    /// Reads any PNG as 8-bit RGBA with straight alpha, for callers that want the alpha itself.
    public static func readRGBA(contentsOf url: URL, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBAImage {
        try PNGDecoder.decode(ImageFileBytes.read(url, format: .png, budget: budget), name: url.path, budget: budget)
    }

    /// Decodes PNG bytes held in memory; `name` only labels errors.
    public static func decode(_ bytes: [UInt8], name: String, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBImage {
        try PNGDecoder.decodeRGB(bytes, name: name, budget: budget)
    }

    public static func decodeRGBA(_ bytes: [UInt8], name: String, budget: ImageBudget = ImageBudget()) throws(ImageError) -> RGBAImage {
        try PNGDecoder.decode(bytes, name: name, budget: budget)
    }

    /// Writes an 8-bit RGB PNG.
    public static func write(_ image: RGBImage, to url: URL, compression: Compression = .small) throws(ImageError) {
        try writeFile(encode(image, name: url.path, compression: compression), to: url)
    }

    /// Writes an 8-bit RGBA PNG.
    public static func write(_ image: RGBAImage, to url: URL, compression: Compression = .small) throws(ImageError) {
        try writeFile(encode(image, name: url.path, compression: compression), to: url)
    }

    public static func encode(_ image: RGBImage, name: String = "<memory>", compression: Compression = .small) throws(ImageError) -> [UInt8] {
        try PNGEncoder.encode(image.pixels, width: image.width, height: image.height, channels: 3, compression: compression, name: name)
    }

    public static func encode(_ image: RGBAImage, name: String = "<memory>", compression: Compression = .small) throws(ImageError) -> [UInt8] {
        try PNGEncoder.encode(image.pixels, width: image.width, height: image.height, channels: 4, compression: compression, name: name)
    }

    private static func writeFile(_ bytes: [UInt8], to url: URL) throws(ImageError) {
        do {
            try FileBytes.write(bytes, path: url.path)
        } catch {
            throw ImageError(.write, file: url.path, reason: error.reason)
        }
    }
}
