// ModelTable: `attnview modules --models`: every architecture --model knows, with where its keys
// come from, the attention blocks it holds, its parameter count, its multiply-adds at 224 x 224,
// the keys a checkpoint for it starts with, and how its images are prepared.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnModels
import Foundation

public struct ModelRow: Codable, Sendable {
    public let name: String
    public let source: String
    /// The attention blocks it holds (CLI names); empty for plain networks, which take probes.
    public let blocks: [String]
    /// How many attention blocks (layers in the TUI) it has.
    public let attentionLayers: Int
    public let parameters: Int
    public let multiplyAdds: Int
    public let keyPrefixes: String
    public let preprocessing: String
    public let note: String?
}

public enum ModelTable {
    public static let side = 224

    public static func rows() throws -> [ModelRow] {
        try NetworkRegistry.all.map(row)
    }

    static func row(_ entry: NetworkEntry) throws -> ModelRow {
        // Zeros suffice: the products are counted, not computed.
        let loaded = try NetworkLoader.load(entry, store: WeightStore(generating: { _, shape in Tensor(zeros: shape) }))
        var layers = 0
        let input = Tensor(zeros: [1, 3, side, side])
        let macs = try MultiplyAddCounter.count {
            _ = try loaded.network.forward(input, visit: NetworkVisitor(attention: { _ in layers += 1 }))
        }
        return ModelRow(name: entry.name, source: entry.source, blocks: entry.blocks, attentionLayers: layers,
                        parameters: loaded.parameterCount, multiplyAdds: macs, keyPrefixes: entry.keyPrefixes,
                        preprocessing: entry.preprocessing.description(side: side), note: entry.note)
    }

    public static func text(_ rows: [ModelRow]) -> String {
        var lines = ["networks for --model (multiply-adds at \(side) x \(side)):", ""]
        lines.append("model                    params      MACs  attention         keys")
        for r in rows {
            let attention = r.blocks.isEmpty ? "none (probes)" : "\(r.attentionLayers) x \(r.blocks.joined(separator: ", "))"
            lines.append(r.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + ModuleTable.rightAligned(String(format: "%.2fM", Double(r.parameters) / 1e6), 9)
                         + ModuleTable.rightAligned(String(format: "%.2fG", Double(r.multiplyAdds) / 1e9), 10) + "  "
                         + attention.padding(toLength: 16, withPad: " ", startingAt: 0) + "  " + r.keyPrefixes)
            lines.append("                         \(r.source); \(r.preprocessing)" + (r.note.map { "; \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ rows: [ModelRow]) -> String {
        JSONOutput.string(rows)
    }
}
