// SafeTensorsDType: the element types this reader understands, spelled as in the header's
// "dtype" field, with their sizes on disk.

public enum SafeTensorsDType: String, Sendable, CaseIterable {
    case F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL

    /// Bytes per element on disk.
    public var byteSize: Int {
        switch self {
        case .F64, .I64: 8
        case .F32, .I32: 4
        case .F16, .BF16, .I16: 2
        case .I8, .U8, .BOOL: 1
        }
    }
}
