// CheckpointError: why a PyTorch checkpoint could not be read, in one line naming the file part,
// the byte offset or the pickle global at fault.

public struct CheckpointError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "checkpoint: \(message)" }
}
