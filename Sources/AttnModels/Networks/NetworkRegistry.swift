// NetworkRegistry: every architecture --model names, with where it comes from (the code its
// state_dict keys follow), the attention blocks it holds, the keys a checkpoint for it starts
// with, and how its images are prepared; unknown names list the known ones and suggest the
// closest.
import AttnBlocks
import AttnEngine
import Foundation

public struct NetworkEntry: Sendable {
    public let name: String
    /// The code its layers and keys follow ("torchvision resnet.py", "Jongchan/attention-module MODELS/model_resnet.py").
    public let source: String
    /// The attention blocks it holds (CLI names); empty for plain networks, which take probes.
    public let blocks: [String]
    /// The first parts of its state_dict keys ("conv1, bn1, layer1-4, fc").
    public let keyPrefixes: String
    public let preprocessing: Preprocessing
    /// The classifier's weight, whose first dimension tells a checkpoint's class count.
    public let classifierKey: String
    /// What attnview does differently from the source ("global average pool for AvgPool2d(7)").
    public let note: String?
    /// Keys a checkpoint may lack (GCNet's detection checkpoints have no classifier).
    public var optionalKeys: Set<String> = []
    /// Where a checkpoint may keep the network's keys ("backbone." in a detector's).
    public var checkpointPrefix: String? = nil
    /// Other names checkpoints use for some keys: alias -> the network's key.
    public var keyAliases: [String: String] = [:]
    /// Other names checkpoints use for a part of many keys (".pcam." for ".triplet_attention.").
    public var keyRewrites: [(from: String, to: String)] = []
    let make: @Sendable (_ parameters: inout NetworkParameters, _ classes: Int) throws -> any AttentionNetwork

    public var isPlain: Bool { blocks.isEmpty }

    public init(name: String, source: String, blocks: [String], keyPrefixes: String, preprocessing: Preprocessing,
                classifierKey: String, note: String?,
                make: @escaping @Sendable (_ parameters: inout NetworkParameters, _ classes: Int) throws -> any AttentionNetwork) {
        self.name = name; self.source = source; self.blocks = blocks; self.keyPrefixes = keyPrefixes
        self.preprocessing = preprocessing; self.classifierKey = classifierKey; self.note = note; self.make = make
    }

    /// A checkpoint's tensors as this network names them: only those under `checkpointPrefix`
    /// when it has any there (the rest is the detector's), aliases renamed.
    func checkpointKeys(_ tensors: [String: Tensor]) -> [String: Tensor] {
        var renamed = tensors
        if let prefix = checkpointPrefix, tensors.keys.contains(where: { $0.hasPrefix(prefix) }) {
            renamed = Dictionary(uniqueKeysWithValues: tensors.filter { $0.key.hasPrefix(prefix) }
                .map { (String($0.key.dropFirst(prefix.count)), $0.value) })
        }
        for (alias, key) in keyAliases where renamed[key] == nil {
            if let t = renamed.removeValue(forKey: alias) { renamed[key] = t }
        }
        for (from, to) in keyRewrites where renamed.keys.contains(where: { $0.contains(from) }) {
            renamed = Dictionary(renamed.map { ($0.key.replacingOccurrences(of: from, with: to), $0.value) },
                                 uniquingKeysWith: { first, _ in first })
        }
        return renamed
    }
}

public enum NetworkRegistry {
    public static let all: [NetworkEntry] = ResNetFamilies.entries + [Lite0Entry.entry]

    public static var names: [String] { all.map(\.name) }

    /// The network without --model: EfficientNet-Lite0 with its ImageNet weights, probed.
    public static let defaultName = Lite0Entry.entry.name

    public static func entry(named name: String) throws -> NetworkEntry {
        if let entry = all.first(where: { $0.name == name.lowercased() }) { return entry }
        let closest = all.map { ($0.name, editDistance($0.name, name.lowercased())) }.min { $0.1 < $1.1 }
        let suggestion = closest.flatMap { $0.1 <= max(2, name.count / 4) ? " (did you mean '\($0.0)'?)" : nil } ?? ""
        throw ModelError("unknown model '\(name)'\(suggestion); known: \(names.joined(separator: ", "))")
    }

    /// Levenshtein distance, for suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
