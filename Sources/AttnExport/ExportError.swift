// ExportError: why a view or an image could not be exported, as one line.

public struct ExportError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
