// PNG: the entry points for reading and writing PNG files; the libpng work lives in PNGDecoder
// and PNGEncoder. Reading always yields 8-bit RGB with alpha composited over gray 127.

import Foundation

public enum PNG {
    /// How hard the encoder compresses: `small` as libpng's default (zlib level 6, the best
    /// row filter per row), `fast` at zlib level 2 with the Paeth filter, about six times
    /// faster for files some 15% larger: what batch export writes.
    public enum Compression: Sendable {
        case small, fast
    }

    /// Largest image (width * height) decoded by default: 64 Mi pixels, a 256 MiB RGBA buffer.
    public static let defaultMaxPixels = 64 << 20

    /// Reads any PNG (every colour type, bit depth, interlaced or not) as 8-bit RGB.
    public static func read(contentsOf url: URL, maxPixels: Int = defaultMaxPixels) throws(ImageError) -> RGBImage {
        try readRGBA(contentsOf: url, maxPixels: maxPixels).composited(overGray: 127)
    }

    /// Reads any PNG as 8-bit RGBA with straight alpha, for callers that want the alpha itself.
    public static func readRGBA(contentsOf url: URL, maxPixels: Int = defaultMaxPixels) throws(ImageError) -> RGBAImage {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: url.path)
        } catch {
            throw ImageError(.read, file: url.path, reason: error.reason)
        }
        return try PNGDecoder.decode(bytes, name: url.path, maxPixels: maxPixels)
    }

    /// Decodes PNG bytes held in memory; `name` only labels errors.
    public static func decode(_ bytes: [UInt8], name: String, maxPixels: Int = defaultMaxPixels) throws(ImageError) -> RGBImage {
        try PNGDecoder.decode(bytes, name: name, maxPixels: maxPixels).composited(overGray: 127)
    }

    public static func decodeRGBA(_ bytes: [UInt8], name: String, maxPixels: Int = defaultMaxPixels) throws(ImageError) -> RGBAImage {
        try PNGDecoder.decode(bytes, name: name, maxPixels: maxPixels)
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
