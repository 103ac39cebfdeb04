// ImageError: why an image could not be read or written, as one line that names the file and the
// format, e.g. "cannot read PNG 'cat.png': IDAT: incorrect data check" or "cannot read JPEG
// 'dog.jpg': file is truncated"; "image" when the format is not known yet.
import AttnText

public struct ImageError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Operation: String, Sendable {
        case read
        case write
    }

    public enum Format: String, Sendable {
        case png = "PNG"
        case jpeg = "JPEG"
        /// Before sniffing has told the format, or when it found none.
        case unknown = "image"
    }

    public let operation: Operation
    public let format: Format
    /// The path (or the name given for in-memory data) as the caller spelled it.
    public let file: String
    public let reason: String

    /// `format` defaults to PNG so the PNG code and its callers keep their spelling.
    public init(_ operation: Operation, _ format: Format = .png, file: String, reason: String) {
        self.operation = operation
        self.format = format
        self.file = file
        // libpng, TurboJPEG and errno texts are plain single lines; a reason quoting the file (a
        // chunk name) is escaped where it is made. Escaped again here, as a last guard.
        self.reason = DisplayText.escaped(reason, limit: 500)
    }

    public var description: String {
        // File names come from folders full of downloads: escaped, as everything from outside.
        let name = DisplayText.escaped(file, limit: 500)
        return "cannot \(operation.rawValue) \(format.rawValue) '\(name)': \(reason)"
    }
}
