// AttentionSite: an attention block inside a network, built from the network's weights under its
// state_dict path ("layer3.5.cbam"), run in line, and reported to the visitor with what it saw
// (its input) and made (its maps and output).
import AttnBlocks
import AttnEngine

struct AttentionSite: Sendable {
    let path: String
    let stage: String
    let built: BuiltBlock

    init(_ name: String, channels: Int, options: [String: String] = [:], path: String, stage: String,
         parameters p: inout NetworkParameters) throws {
        self.path = path
        self.stage = stage
        built = try BlockRegistry.build(name, channels: channels, options: BlockOptions(options), source: p.source(path))
        p.add(built.parameters, under: path)
    }

    func callAsFunction(_ x: Tensor, _ visit: NetworkVisitor) throws -> Tensor {
        let (_, _, h, w) = x.nchw
        do {
            try built.block.validate(height: h, width: w)
        } catch let error as BlockError {
            throw ModelError("\(path): \(error.message)")
        }
        let trace = Trace()
        let y = built.block.forward(x, trace: trace)
        visit.attention(LayerTrace(
            name: path, block: built.info.name, stage: stage, feature: x, settings: built.block.settings, adjustments: [],
            maps: trace.maps, output: y, error: nil, parameterCount: built.parameterCount))
        return y
    }
}
