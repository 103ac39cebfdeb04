// WeightFile: a weights file given on the command line, safetensors or a PyTorch checkpoint
// (.pth/.pt, zip or legacy), told apart by their first bytes rather than their names.
import AttnEngine
import AttnFormats
import Foundation

public enum WeightFile {
    public static func read(_ url: URL) throws -> [String: Tensor] {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw RuntimeError("cannot open weights file \(url.path): \((error as NSError).localizedDescription)")
        }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        return PyTorchCheckpoint.looksLikeCheckpoint([UInt8](head))
            ? try PyTorchCheckpoint.read(contentsOf: url).tensors : try SafeTensors.read(contentsOf: url).tensors
    }
}
