// ImageFile: the one way the commands read a picture: PNG or JPEG, told apart by the first bytes
// (never the extension, which is often wrong), decoded as 8-bit RGB by the matching reader.

import Foundation

public enum ImageFile {
    /// Reads a PNG or a JPEG as 8-bit RGB, within `maxPixels` (width * height).
    public static func read(contentsOf url: URL, maxPixels: Int = PNG.defaultMaxPixels) throws(ImageError) -> RGBImage {
        try decode(ImageFileBytes.read(url, format: .unknown), name: url.path, maxPixels: maxPixels)
    }

    /// Decodes PNG or JPEG bytes held in memory; `name` only labels errors.
    public static func decode(_ bytes: [UInt8], name: String, maxPixels: Int = PNG.defaultMaxPixels) throws(ImageError) -> RGBImage {
        switch format(of: bytes) {
        case .png: try PNG.decode(bytes, name: name, maxPixels: maxPixels)
        case .jpeg: try JPEG.decode(bytes, name: name, maxPixels: maxPixels)
        case .unknown: throw ImageError(.read, .unknown, file: name, reason: "not a PNG or JPEG file")
        }
    }

    /// The format the bytes start like. A cut-short signature still counts, so that the reader
    /// can say the file is truncated rather than not an image.
    static func format(of bytes: [UInt8]) -> ImageError.Format {
        guard !bytes.isEmpty else { return .unknown }
        if PNGDecoder.signature.starts(with: bytes.prefix(PNGDecoder.signature.count)) { return .png }
        if JPEGDecoder.signature.starts(with: bytes.prefix(JPEGDecoder.signature.count)) { return .jpeg }
        return .unknown
    }
}
