// NetworkLoader: a network of the registry built from a checkpoint's state_dict, strictly: every
// missing, unexpected and mis-shaped key is listed (the first ten, then a count) and nothing
// runs; with `strict` off, what fits is loaded, the rest keeps the seeded initialisation, and
// the list is handed back to be shown. Without weights the whole network is seeded. The class
// count follows the checkpoint's classifier.
import AttnBlocks
import AttnText
import AttnEngine

public struct LoadedNetwork: Sendable {
    public let entry: NetworkEntry
    public let network: any AttentionNetwork
    public let classes: Int
    public let parameterCount: Int
    /// What did not fit, with strict loading off.
    public let problems: [String]
}

public enum NetworkLoader {
    public static let listed = 10

    public static func load(_ entry: NetworkEntry, weights: [String: Tensor]?, weightsName: String = "the weights",
                            strict: Bool = true, seed: UInt64 = 0) throws -> LoadedNetwork {
        try load(entry, store: weights.map { WeightStore(entry.checkpointKeys($0), collectsProblems: true) },
                 weightsName: weightsName, strict: strict, seed: seed)
    }

    /// From any store (KeyFormula's, for tests), or seeded when there is none.
    public static func load(_ entry: NetworkEntry, store: WeightStore?, weightsName: String = "the weights",
                            strict: Bool = true, seed: UInt64 = 0) throws -> LoadedNetwork {
        let classes = store?.tensors[entry.classifierKey].flatMap { $0.rank == 2 ? $0.shape[0] : nil } ?? 1000
        var parameters = NetworkParameters(store.map { .weights($0) } ?? .seeded(seed), network: entry.name)
        let network = try entry.make(&parameters, classes)
        var problems = [String]()
        if let store {
            problems = store.problems.filter { !entry.optionalKeys.contains($0.key) }.map(\.message)
                + store.untakenKeys.map { "unexpected key '\($0)'" }
            if strict && !problems.isEmpty {
                throw ModelError(describe(problems, network: entry.name, file: weightsName, strict: true))
            }
        }
        return LoadedNetwork(entry: entry, network: network, classes: classes, parameterCount: parameters.parameterCount,
                             problems: problems)
    }

    /// "cbam_resnet50: 3 keys of FILE do not fit:" and the first ten, one per line.
    public static func describe(_ problems: [String], network: String, file: String, strict: Bool) -> String {
        var lines = ["\(network): \(problems.count) key\(problems.count == 1 ? "" : "s") of \(file) do\(problems.count == 1 ? "es" : "") not fit"
                     + (strict ? " (--strict false loads what does):" : " (loaded the rest):")]
        lines += problems.prefix(listed).map { "  " + DisplayText.escaped($0, limit: 200) }
        if problems.count > listed { lines.append("  and \(problems.count - listed) more") }
        return lines.joined(separator: "\n")
    }
}
