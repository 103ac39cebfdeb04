// ExportFixture: real models for the export tests: EfficientNet-Lite0 at 64 pixels (small, so
// every block is quick) with each block probing every layer, on the cat sample or on a copy of
// it resized to a chosen size, and a fresh folder per test.
import AttnFormats
import AttnImaging
import AttnModels
import AttnTestSupport
import AttnTUI
import Foundation

enum ExportFixture {
    static let network = try! PretrainedWeights.lite0()
    static let cat = try! PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/cat.png"))

    /// `block` probing Lite0 at 64 px on `image` (the cat by default).
    static func model(_ block: String, image: RGBImage = cat, name: String = "cat.png") -> TUIModel {
        let run = try! ProbeMode.run(Lite0Preprocessing.tensor(image, side: 64), network: network, request: .init(block: block))
        return TUIModel(imageName: name, image: image, run: run)
    }

    /// The state showing `view` of `layer` with the overlay at full strength.
    static func state(layer: Int, view: Int, channel: Int = 0) -> ViewState {
        var state = ViewState(width: 100, height: 30, layer: layer)
        state.view = view
        state.channel = channel
        state.overlay = 1
        return state
    }
}

/// A fresh folder, removed afterwards.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Every file under the folder, as paths relative to it, sorted.
    func files(under sub: String = "") -> [String] {
        let root = sub.isEmpty ? path : file(sub)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { rel in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
