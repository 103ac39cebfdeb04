// SafeTensorsError: why a file could not be read or written. The description is one line that
// names the tensor key and file byte offset involved, because it is what a user sees when a
// checkpoint is broken and it should point at the spot without a hex dump.
import AttnText

public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case fileUnreadable, fileUnwritable
        /// The bytes are something else (a PyTorch checkpoint, a picture, text).
        case notSafeTensors
        case fileTooShort, headerLengthOutOfRange, invalidHeader
        case invalidEntry, unknownDType, invalidShape
        case invalidOffsets, outOfBounds, sizeMismatch, overlap
    }

    public let kind: Kind
    /// The tensor key the problem is in, when there is one.
    public let tensor: String?
    /// The offset from the start of the file where the problem sits, when there is one.
    public let byteOffset: Int?
    /// The explanation, without the "safetensors: " prefix.
    public let message: String
    /// The file, when the error came from reading one.
    public var file: String?

    init(_ kind: Kind, tensor: String? = nil, byteOffset: Int? = nil, _ message: String) {
        self.kind = kind
        self.tensor = tensor
        self.byteOffset = byteOffset
        // Messages embed text from the file (keys, parser reasons); keep the promise of one line.
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The file's path is the user's text: escaped like any other.
    public var description: String { "safetensors: " + (file.map { "\(DisplayText.escaped($0, limit: 200)): " } ?? "") + message }
}

/// A tensor key as it appears in messages: quoted, escaped and cut (DisplayText), so a hostile
/// key can neither break the message over lines nor flood it.
func quotedKey(_ key: String) -> String {
    DisplayText.quoted(key)
}
