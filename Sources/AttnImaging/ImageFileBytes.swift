// ImageFileBytes: a whole image file read into memory, its failure already an ImageError naming
// the file, for the readers that decode from bytes.

import Foundation

enum ImageFileBytes {
    static func read(_ url: URL, format: ImageError.Format) throws(ImageError) -> [UInt8] {
        do {
            return try FileBytes.read(path: url.path)
        } catch {
            throw ImageError(.read, format, file: url.path, reason: error.reason)
        }
    }
}
