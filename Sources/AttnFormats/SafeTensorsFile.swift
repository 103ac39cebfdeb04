// SafeTensorsFile: the contents of one .safetensors file once read, every tensor widened to
// float32, with the dtype each had on disk kept so callers can tell a half-precision checkpoint.
import AttnEngine

public struct SafeTensorsFile: Sendable {
    public var tensors: [String: Tensor]
    /// The header's "__metadata__" object; empty when the file has none.
    public var metadata: [String: String]
    /// The dtype each tensor was stored in, keyed like `tensors`.
    public var dtypes: [String: SafeTensorsDType]

    public init(tensors: [String: Tensor], metadata: [String: String] = [:],
                dtypes: [String: SafeTensorsDType] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
        self.dtypes = dtypes
    }
}
