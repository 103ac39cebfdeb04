// ModuleTable: `attnview modules`: every block's parameter count, multiply-adds and maps at one
// input shape, with one line on what it computes. The map shapes are those of a real (seeded) run.
import AttnBlocks
import AttnEngine
import AttnFormats
import Foundation

public struct ModuleRow: Codable, Sendable {
    public let name: String
    public let aliases: [String]
    public let title: String
    public let reference: String
    public let summary: String
    public let settings: [String: String]
    public let parameters: Int?
    public let multiplyAdds: Int?
    public let maps: [MapShape]
    /// Why the block cannot run at this shape, when it cannot.
    public let error: String?

    public struct MapShape: Codable, Sendable {
        public let name: String
        public let shape: [Int]
    }
}

public enum ModuleTable {
    public static func rows(channels: Int, height: Int, width: Int) -> [ModuleRow] {
        BlockRegistry.all.map { row($0, channels: channels, height: height, width: width) }
    }

    static func row(_ type: any AttentionBlock.Type, channels: Int, height: Int, width: Int) -> ModuleRow {
        let info = type.info
        do {
            let built = try BlockRegistry.build(type, channels: channels, source: .seeded(0))
            try built.block.validate(height: height, width: width)
            let trace = Trace()
            _ = built.block.forward(Tensor(zeros: [1, channels, height, width]), trace: trace)
            return ModuleRow(
                name: info.name, aliases: info.aliases, title: info.title, reference: info.reference,
                summary: info.summary, settings: Dictionary(uniqueKeysWithValues: built.block.settings.map { ($0.key, $0.value) }),
                parameters: built.parameterCount, multiplyAdds: built.block.multiplyAdds(height: height, width: width),
                maps: trace.maps.map { .init(name: $0.name, shape: $0.tensor.shape) }, error: nil)
        } catch {
            return ModuleRow(name: info.name, aliases: info.aliases, title: info.title, reference: info.reference,
                             summary: info.summary, settings: [:], parameters: nil, multiplyAdds: nil, maps: [],
                             error: (error as? BlockError)?.message ?? "\(error)")
        }
    }

    public static func text(_ rows: [ModuleRow], channels: Int, height: Int, width: Int) -> String {
        var lines = ["blocks at input shape (1, \(channels), \(height), \(width)):", ""]
        let header = "block          params      MACs  maps"
        lines.append(header)
        for r in rows {
            let name = (r.name + (r.aliases.isEmpty ? "" : "/" + r.aliases.joined(separator: "/")))
            let left = name.padding(toLength: 13, withPad: " ", startingAt: 0)
            if let error = r.error {
                lines.append(left + "   cannot run at this shape: \(error)")
            } else {
                let maps = r.maps.isEmpty ? "none" : r.maps.map { "\($0.name) \($0.shape)" }.joined(separator: ", ")
                lines.append(left + rightAligned("\(r.parameters!)", 6) + " " + rightAligned(compact(r.multiplyAdds!), 9)
                             + "  " + maps)
            }
            lines.append("             \(r.title): \(r.summary)")
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ rows: [ModuleRow]) -> String {
        JSONOutput.string(rows)
    }

    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Multiply-adds in millions, one unit for every row: 1234567 -> "1.23M", 2120400 -> "2.12M".
    static func compact(_ n: Int) -> String {
        String(format: "%.2fM", Double(n) / 1e6)
    }
}
