// CheckpointBenchmark: how fast a PyTorch checkpoint becomes tensors, from the file and from bytes
// already in memory (the unpickling and the gather of each tensor into Float, without the disk).
// The file is decoded once before timing, so a bad file fails with its own error instead of a figure.
import AttnFormats
import Foundation

public enum CheckpointBenchmark {
    public static func cases(checkpointPath: String) throws -> [BenchmarkCase] {
        let url = URL(fileURLWithPath: checkpointPath)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw CheckpointError("cannot read \(url.path): \(error.localizedDescription)")
        }
        let name = url.lastPathComponent
        let file = try PyTorchCheckpoint.decode(bytes, name: name)
        let megabytes = Double(bytes.count) / 1e6
        let shape = "\(file.format) \(name), \(file.tensors.count) tensors, \(String(format: "%.1f", megabytes)) MB"
        return [
            BenchmarkCase(name: "checkpoint read", shape: shape, work: megabytes, unit: "MB/s") {
                _ = try? PyTorchCheckpoint.read(contentsOf: url)
            },
            BenchmarkCase(name: "checkpoint decode", shape: shape, work: megabytes, unit: "MB/s") {
                _ = try? PyTorchCheckpoint.decode(bytes, name: name)
            },
        ]
    }
}
