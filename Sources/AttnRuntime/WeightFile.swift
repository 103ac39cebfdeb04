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
        let bytes = [UInt8](head)
        let isCheckpoint = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x80, 0x02, 0x8A, 0x0A])
        return isCheckpoint ? try PyTorchCheckpoint.read(contentsOf: url).tensors : try SafeTensors.read(contentsOf: url).tensors
    }
}
