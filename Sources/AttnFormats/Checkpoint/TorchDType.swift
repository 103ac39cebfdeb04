// TorchDType: the element types of PyTorch storages, named by their legacy storage classes in a
// checkpoint's pickle (torch.FloatStorage, ...), and the safetensors dtype each converts like.

enum TorchDType: String, CaseIterable {
    case float32 = "FloatStorage", float16 = "HalfStorage", bfloat16 = "BFloat16Storage", float64 = "DoubleStorage"
    case int64 = "LongStorage", int32 = "IntStorage", int16 = "ShortStorage", int8 = "CharStorage"
    case uint8 = "ByteStorage", bool = "BoolStorage"

    /// torch.FloatStorage, and torch.cuda.FloatStorage of checkpoints saved from a GPU (the
    /// bytes are the same; only where PyTorch would put them differs).
    init?(storageClass: String) {
        for prefix in ["torch.cuda.", "torch."] where storageClass.hasPrefix(prefix) {
            if let t = TorchDType(rawValue: String(storageClass.dropFirst(prefix.count))) { self = t; return }
        }
        return nil
    }

    var byteSize: Int {
        switch self {
        case .float64, .int64: return 8
        case .float32, .int32: return 4
        case .float16, .bfloat16, .int16: return 2
        case .int8, .uint8, .bool: return 1
        }
    }

    /// The same element type as safetensors names it, for the shared conversion to Float.
    var elementType: SafeTensorsDType {
        switch self {
        case .float32: return .F32
        case .float16: return .F16
        case .bfloat16: return .BF16
        case .float64: return .F64
        case .int64: return .I64
        case .int32: return .I32
        case .int16: return .I16
        case .int8: return .I8
        case .uint8: return .U8
        case .bool: return .BOOL
        }
    }

    /// "F32", "F16", ...: the names CheckpointFile.dtypes reports.
    var name: String { elementType.rawValue }
}
