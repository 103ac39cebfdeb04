// ModelMode: a whole attention network run on one image: its prediction, and every attention
// block it holds as a layer, named by its state_dict path, with what the block saw and made.
import AttnEngine

public enum ModelMode {
    public static func run(_ input: Tensor, network: any AttentionNetwork, name: String, weightsSource: String,
                           trained: Bool, classNames: [String]?, progress: LayerProgress? = nil) throws -> NetworkTrace {
        var layers = [LayerTrace]()
        let total = network.attentionLayerCount
        let logits = try network.forward(input, visit: NetworkVisitor(attention: {
            layers.append($0)
            progress?(layers.count, total, $0.name)
        }))
        return NetworkTrace(block: name, network: name, weightsSource: weightsSource, trained: trained, inputSide: input.shape[2],
                            layers: layers, logits: logits, classNames: classNames)
    }
}
