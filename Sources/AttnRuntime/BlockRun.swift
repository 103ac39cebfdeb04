// BlockRun: `attnview block`: one attention block on the tensor `input` of a safetensors file,
// written back as `output` plus every map as `maps.<name>`. Weights come from a safetensors file
// or a PyTorch checkpoint, strictly, or from the seeded initialisation.
import AttnBlocks
import AttnEngine
import AttnFormats
import Foundation

public enum BlockRun {
    public struct Request {
        public var block: String
        public var input: URL
        public var weights: URL?
        public var options: [String]
        public var seed: UInt64
        public var output: URL

        public init(block: String, input: URL, weights: URL?, options: [String], seed: UInt64, output: URL) {
            self.block = block; self.input = input; self.weights = weights
            self.options = options; self.seed = seed; self.output = output
        }
    }

    /// What was run, for the one line the command prints.
    public struct Summary {
        public let block: String
        public let inputShape: [Int]
        public let outputShape: [Int]
        public let maps: [(name: String, shape: [Int])]
        public let settings: [(key: String, value: String)]
        public let weightsSource: String
    }

    public static func run(_ request: Request) throws -> Summary {
        let options = try BlockOptions(assignments: request.options)
        let blockType = try BlockRegistry.requireType(named: request.block)
        let inputFile = try SafeTensors.read(contentsOf: request.input)
        guard let x = inputFile.tensors["input"] else {
            let found = inputFile.tensors.keys.sorted().joined(separator: ", ")
            throw RuntimeError("\(request.input.path) has no tensor 'input' (it has: \(found.isEmpty ? "none" : found))")
        }
        guard x.rank == 4, x.shape.allSatisfy({ $0 > 0 }) else {
            throw RuntimeError("tensor 'input' must be (N, C, H, W) with no empty dimension, got \(x.shape)")
        }
        let source: ParameterSource
        let weightsSource: String
        if let weights = request.weights {
            source = .weights(WeightStore(try WeightFile.read(weights)).root)
            weightsSource = "weights from \(weights.lastPathComponent)"
        } else {
            source = .seeded(request.seed)
            weightsSource = "untrained, seed \(request.seed)"
        }
        let built = try BlockRegistry.build(blockType, channels: x.shape[1], options: options, source: source)
        try built.block.validate(height: x.shape[2], width: x.shape[3])
        let trace = Trace()
        let y = built.block.forward(x, trace: trace)
        var tensors = ["output": y]
        for (name, map) in trace.maps { tensors["maps.\(name)"] = map }
        let settings = built.block.settings
        var metadata = ["block": blockType.info.name, "weights": weightsSource]
        for (key, value) in settings { metadata["option.\(key)"] = value }
        try SafeTensors.write(tensors, metadata: metadata, to: request.output)
        return Summary(block: blockType.info.name, inputShape: x.shape, outputShape: y.shape,
                       maps: trace.maps.map { ($0.name, $0.tensor.shape) }, settings: settings,
                       weightsSource: weightsSource)
    }
}
