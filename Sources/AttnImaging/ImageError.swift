// ImageError: why a PNG could not be read or written, as one line that names the file, e.g.
// "cannot read PNG 'cat.png': IDAT: incorrect data check".

public struct ImageError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Operation: String, Sendable {
        case read
        case write
    }

    public let operation: Operation
    /// The path (or the name given for in-memory data) as the caller spelled it.
    public let file: String
    public let reason: String

    public init(_ operation: Operation, file: String, reason: String) {
        self.operation = operation
        self.file = file
        // libpng and errno texts are single lines, but a caller-supplied name might not be.
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String {
        let name = file.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "cannot \(operation.rawValue) PNG '\(name)': \(reason)"
    }
}
