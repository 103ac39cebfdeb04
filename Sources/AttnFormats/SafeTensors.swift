// SafeTensors: the public entry points for reading and writing huggingface .safetensors files.
// Reading accepts every dtype in SafeTensorsDType and widens to Float; writing is float32 only,
// since that is all the engine holds.
import AttnEngine
import AttnFiles
import AttnText
import Foundation

public enum SafeTensors {
    /// Reads and validates a whole file. Throws SafeTensorsError.
    public static func read(contentsOf url: URL) throws -> SafeTensorsFile {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path: url.path, maxBytes: CheckpointLimits.maxFileBytes)
        } catch {
            throw SafeTensorsError(.fileUnreadable, "cannot read \(DisplayText.escaped(url.path, limit: 200)): \(error.reason)")
        }
        do {
            return try bytes.withUnsafeBytes { try SafeTensorsDecoder.decode($0) }
        } catch var error as SafeTensorsError {
            error.file = url.path
            throw error
        }
    }

    /// Validates and decodes the bytes of a whole file. Throws SafeTensorsError.
    public static func decode(_ bytes: [UInt8]) throws -> SafeTensorsFile {
        try bytes.withUnsafeBytes { try SafeTensorsDecoder.decode($0) }
    }

    /// The bytes of a file holding `tensors` as F32. No tensor may be named "__metadata__".
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> [UInt8] {
        SafeTensorsEncoder.encode(tensors, metadata: metadata)
    }

    /// Writes `encode(tensors, metadata:)` to `url`, replacing it atomically so a reader never sees
    /// half a file. Throws SafeTensorsError.
    public static func write(_ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
        let bytes = encode(tensors, metadata: metadata)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw SafeTensorsError(.fileUnwritable, "cannot write \(DisplayText.escaped(url.path, limit: 200)): \(fileErrorReason(error))")
        }
    }
}
