// BlockRegistry: every block attnview knows, found by CLI name or alias, and built with options
// and tensors checked strictly (an unknown option, a missing or unexpected key are errors).
import AttnEngine
import AttnText

/// A configured block with the tensors it declared.
public struct BuiltBlock: Sendable {
    public let block: any AttentionBlock
    public let channels: Int
    public let parameters: [ParameterEntry]

    public var info: BlockInfo { type(of: block).info }

    /// sum(p.numel() for p in module.parameters()): buffers excluded.
    public var parameterCount: Int {
        parameters.filter(\.trainable).reduce(0) { $0 + $1.shape.reduce(1, *) }
    }
}

public enum BlockRegistry {
    /// In the order README's table lists them: SE, BAM, CBAM, SimAM, SA, CoordAtt, GC, ACmix, ECA, Triplet, SPD.
    public static let all: [any AttentionBlock.Type] = [
        SqueezeExcitation.self, BottleneckAttentionModule.self, ConvolutionalBlockAttentionModule.self,
        SimAM.self, ShuffleAttention.self, CoordinateAttention.self, GlobalContextBlock.self, ACmix.self,
        EfficientChannelAttention.self, TripletAttention.self, SpaceToDepth.self,
    ]

    public static var names: [String] { all.map { $0.info.name } }

    public static func type(named name: String) -> (any AttentionBlock.Type)? {
        let wanted = name.lowercased()
        return all.first { $0.info.name == wanted || $0.info.aliases.contains(wanted) }
    }

    /// The block called `name` (or an alias of it), or an error listing the known ones.
    public static func requireType(named name: String) throws -> any AttentionBlock.Type {
        guard let blockType = type(named: name) else {
            throw BlockError("attnview", "unknown block \(DisplayText.quoted(name)) (known: \(names.joined(separator: ", ")))")
        }
        return blockType
    }

    public static func build(
        _ name: String, channels: Int, options: BlockOptions = BlockOptions(), source: ParameterSource
    ) throws -> BuiltBlock {
        try build(try requireType(named: name), channels: channels, options: options, source: source)
    }

    public static func build(
        _ blockType: any AttentionBlock.Type, channels: Int, options: BlockOptions = BlockOptions(),
        source: ParameterSource
    ) throws -> BuiltBlock {
        let info = blockType.info
        guard channels > 0 else { throw BlockError(info.name, "needs at least one channel") }
        try options.validate(info)
        var options = options
        options.bind(info)
        var builder = ParameterBuilder(block: info.name, source: source)
        let block = try blockType.init(channels: channels, options: &options, parameters: &builder)
        try options.checkAllRead(block: info.name, known: info.options.map(\.key))
        // A whole network's store lists what nobody took once the network is built.
        if case .weights(let scoped) = source, !scoped.store.collectsProblems {
            let unexpected = scoped.store.untakenKeys.filter { $0.hasPrefix(scoped.prefix) }
            if let first = unexpected.first {
                let more = unexpected.count > 1 ? " (and \(unexpected.count - 1) more)" : ""
                throw BlockError(info.name, "unexpected key '\(first)'\(more)")
            }
        }
        return BuiltBlock(block: block, channels: channels, parameters: builder.entries)
    }
}
