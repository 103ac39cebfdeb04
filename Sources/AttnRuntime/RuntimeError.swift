// RuntimeError: a failure of a subcommand's work that is not a format or block error (a missing
// tensor, a wrong rank), as one line.

public struct RuntimeError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
