// ImageError: why an image could not be read or written, as one line that names the file and the
// format, e.g. "cannot read PNG 'cat.png': IDAT: incorrect data check" or "cannot read JPEG
// 'dog.jpg': file is truncated"; "image" when the format is not known yet.

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
        // libpng, TurboJPEG and errno texts are single lines, but a caller-supplied name might not be.
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String {
        let name = file.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "cannot \(operation.rawValue) \(format.rawValue) '\(name)': \(reason)"
    }
}
