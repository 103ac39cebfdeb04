// ImageFile: the one way the commands read a picture: PNG or JPEG, told apart by the first bytes
// (never the extension, which is often wrong), decoded as 8-bit RGB by the matching reader.

import Foundation

public enum ImageFile {
    /// Reads a PNG or a JPEG as 8-bit RGB, within `budget`; with a `pass`, the decoded bytes are
    /// admitted through it first (the caller releases the pass when done with the image).
    public static func read(contentsOf url: URL, budget: ImageBudget = ImageBudget(),
                            pass: DecodeAdmission.Pass? = nil) throws(ImageError) -> RGBImage {
        try decode(ImageFileBytes.read(url, format: .unknown, budget: budget), name: url.path, budget: budget, pass: pass)
    }

    /// Decodes PNG or JPEG bytes held in memory; `name` only labels errors.
    public static func decode(_ bytes: [UInt8], name: String, budget: ImageBudget = ImageBudget(),
                              pass: DecodeAdmission.Pass? = nil) throws(ImageError) -> RGBImage {
        switch format(of: bytes) {
        case .png: try PNGDecoder.decodeRGB(bytes, name: name, budget: budget, pass: pass)
        case .jpeg: try JPEGDecoder.decode(bytes, name: name, budget: budget, pass: pass)
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
