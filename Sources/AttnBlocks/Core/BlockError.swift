// BlockError: what goes wrong when a block is configured or given weights. Its description is one
// line that names the block and the key, option or size at fault.

public struct BlockError: Error, CustomStringConvertible, Equatable {
    public let block: String
    public let message: String

    public init(_ block: String, _ message: String) {
        self.block = block
        self.message = message
    }

    public var description: String { "\(block): \(message)" }
}
