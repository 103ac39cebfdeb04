// ImageFileBytes: a whole image file read into memory, its failure already an ImageError naming
// the file, for the readers that decode from bytes; a file larger than the budget allows is not read.

import AttnFiles
import Foundation

enum ImageFileBytes {
    static func read(_ url: URL, format: ImageError.Format, budget: ImageBudget) throws(ImageError) -> [UInt8] {
        do {
            return try FileBytes.read(path: url.path, maxBytes: budget.maxFileBytes)
        } catch {
            let reason = error.overLimit.flatMap { budget.fileRefusal(bytes: $0 + 1) } ?? error.reason
            throw ImageError(.read, format, file: url.path, reason: reason)
        }
    }
}
