// PretrainedWeights: where attnview finds EfficientNet-Lite0's ImageNet weights, which ship in
// samples/ so that the default run needs no network: $ATTNVIEW_LITE0_WEIGHTS if set, else the
// samples folder of the source tree this binary was built from, of the folder two levels above
// the executable (.build/<config>/attnview), or of the current directory.
import AttnBlocks
import AttnEngine
import AttnFormats
import Foundation

public enum PretrainedWeights {
    public static let lite0FileName = "efficientnet-lite0-57934424.pth"

    static var candidates: [URL] {
        var urls = [URL]()
        if let path = ProcessInfo.processInfo.environment["ATTNVIEW_LITE0_WEIGHTS"], !path.isEmpty {
            return [URL(fileURLWithPath: path)]
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        urls.append(sourceRoot.appendingPathComponent("samples/\(lite0FileName)"))
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        urls.append(executable.deletingLastPathComponent().appendingPathComponent("../../samples/\(lite0FileName)").standardized)
        urls.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("samples/\(lite0FileName)"))
        return urls
    }

    public static func lite0URL() throws -> URL {
        let urls = candidates
        guard let found = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ModelError("EfficientNet-Lite0 weights \(lite0FileName) not found (looked in \(urls.map(\.path).joined(separator: ", ")); set ATTNVIEW_LITE0_WEIGHTS)")
        }
        return found
    }

    public static func lite0() throws -> EfficientNetLite0 {
        try EfficientNetLite0(weights: WeightStore(try lite0Tensors()))
    }

    public static func lite0Tensors() throws -> [String: Tensor] {
        try PyTorchCheckpoint.read(contentsOf: try lite0URL()).tensors
    }
}
