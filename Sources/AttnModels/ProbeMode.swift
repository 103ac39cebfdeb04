// ProbeMode: attnview's default way to look at a block. EfficientNet-Lite0 with its real ImageNet
// weights runs untouched; the chosen block is attached as a side branch to the output of the stem,
// each of the seven stages and the head, so it sees real features while the backbone's own data
// path (and its top-5) stays right. Untrained blocks take the seeded initialisation, the same seed
// for every layer (so a layer's maps can be reproduced with `attnview block --seed`); trained ones
// come from a weights file whose keys are "<layer>.<block key>" ("stage3.fc1.weight").
import AttnBlocks
import AttnEngine
import Foundation

public enum ProbeMode {
    public static let sides = 32...1024

    public struct Request {
        public var block: String
        public var options: BlockOptions
        /// Probe weights ("<layer>.<key>"); nil for the seeded initialisation.
        public var weights: WeightStore?
        public var weightsName: String
        public var seed: UInt64

        public init(block: String, options: BlockOptions = BlockOptions(), weights: WeightStore? = nil,
                    weightsName: String = "", seed: UInt64 = 0) {
            self.block = block; self.options = options; self.weights = weights
            self.weightsName = weightsName; self.seed = seed
        }
    }

    /// Runs the backbone on a normalised (1, 3, H, W) input and the probe on the output of each of
    /// its stages.
    public static func run(_ input: Tensor, network: any AttentionNetwork, request: Request, networkName: String = "efficientnet_lite0",
                           networkWeights: String? = nil, classNames: [String]? = ImageNetClasses.names,
                           progress: LayerProgress? = nil) throws -> NetworkTrace {
        let blockType = try BlockRegistry.requireType(named: request.block)
        // An option error is the user's, the same on every layer: it fails here, once; only a
        // layer's size can still make the block unavailable there.
        try request.options.validate(blockType.info)
        var features = [(String, Tensor)]()
        let logits = try network.forward(input, visit: NetworkVisitor(stage: { features.append(($0, $1)) }))
        var layers = [LayerTrace]()
        for (i, (name, feature)) in features.enumerated() {
            progress?(i + 1, features.count, name)
            layers.append(try probe(blockType, on: feature, layer: name, request: request))
        }
        if let store = request.weights, let stray = store.untakenKeys.first {
            throw ModelError("\(request.weightsName): unexpected key '\(stray)' (probe weights are '<layer>.<key>' for layers \(features.map(\.0).joined(separator: ", ")))")
        }
        // A block without parameters (SimAM, SPD) is neither trained nor untrained.
        let parameterFree = layers.allSatisfy { $0.parameterCount == 0 } && request.weights == nil
        return NetworkTrace(
            block: blockType.info.name, network: networkName, networkWeights: networkWeights,
            weightsSource: parameterFree ? "no parameters"
                : request.weights == nil ? "untrained, seed \(request.seed)" : "weights from \(request.weightsName)",
            trained: request.weights != nil,
            inputSide: input.shape[2], layers: layers, logits: logits, classNames: classNames)
    }

    static func probe(_ blockType: any AttentionBlock.Type, on feature: Tensor, layer: String, request: Request) throws -> LayerTrace {
        let (_, c, h, w) = feature.nchw
        let fitted = blockType.fitted(channels: c, options: request.options)
        let source: ParameterSource = request.weights.map { .weights($0.sub(layer)) } ?? .seeded(request.seed)
        let built: BuiltBlock
        do {
            built = try BlockRegistry.build(blockType, channels: c, options: fitted.options, source: source)
        } catch let error as BlockError where request.weights != nil {
            // A trained probe that does not load is the user's file at fault: say so, don't skip it.
            throw ModelError("\(layer): \(error)")
        } catch let error as BlockError {
            return LayerTrace(name: layer, block: blockType.info.name, stage: layer, feature: feature, settings: [],
                              adjustments: fitted.notes, maps: [], output: nil, error: error.message, parameterCount: 0)
        }
        do {
            try built.block.validate(height: h, width: w)
        } catch let error as BlockError {
            return LayerTrace(name: layer, block: blockType.info.name, stage: layer, feature: feature,
                              settings: built.block.settings, adjustments: fitted.notes, maps: [], output: nil,
                              error: error.message, parameterCount: built.parameterCount)
        }
        let trace = Trace()
        let output = built.block.forward(feature, trace: trace)
        return LayerTrace(name: layer, block: blockType.info.name, stage: layer, feature: feature,
                          settings: built.block.settings, adjustments: fitted.notes, maps: trace.maps, output: output,
                          error: nil, parameterCount: built.parameterCount)
    }
}
