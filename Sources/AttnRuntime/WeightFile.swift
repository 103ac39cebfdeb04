// WeightFile: a weights file given on the command line, safetensors or a PyTorch checkpoint
// (.pth/.pt, zip or legacy), told apart by their first bytes rather than their names
// (WeightFormat). Whatever looks like a checkpoint, a damaged one or a bare pickle included, goes
// to the checkpoint reader, which names what it found; anything else to the safetensors reader.
import AttnEngine
import AttnFormats
import AttnText
import Foundation

public enum WeightFile {
    public static func read(_ url: URL) throws -> [String: Tensor] {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw RuntimeError("cannot open weights file \(DisplayText.escaped(url.path, limit: 200)): \((error as NSError).localizedDescription)")
        }
        let head = (try? handle.read(upToCount: WeightFormat.sniffLength)) ?? Data()
        try? handle.close()
        return WeightFormat.sniff([UInt8](head)).isCheckpoint
            ? try PyTorchCheckpoint.read(contentsOf: url).tensors : try SafeTensors.read(contentsOf: url).tensors
    }
}
