// AttentionBlock: what every block of attnview is. A block is configured for a channel count and
// options (with its reference's defaults), declares its tensors through a ParameterBuilder, and
// runs on (N, C, H, W) input, recording its maps into a Trace.
import AttnEngine

/// The static facts of a block: how the CLI names it, where it comes from, what it shows.
public struct BlockInfo: Sendable {
    public let name: String
    public let aliases: [String]
    public let title: String
    public let paper: String
    public let reference: String
    /// One line: what the block computes.
    public let summary: String
    /// The options --set takes, with their defaults and what values they take.
    public let options: [OptionSpec]
    /// The maps it records, with their kinds, in the order the views show them.
    public let maps: [MapSpec]
    /// Gates along H and W that multiply (CoordAtt): shown together, as strips beside the image
    /// with their product over it.
    public let strips: (h: String, w: String)?
    /// Its output is what to see (SPD's four phases).
    public let outputPhases: Bool
    /// Maps the reference's initialisation makes constant, and why, for the untrained screen.
    public let untrainedConstant: [String: String]

    public init(
        name: String, aliases: [String] = [], title: String, paper: String, reference: String, summary: String,
        options: [OptionSpec], maps: [MapSpec], strips: (h: String, w: String)? = nil, outputPhases: Bool = false,
        untrainedConstant: [String: String] = [:]
    ) {
        self.name = name; self.aliases = aliases; self.title = title; self.paper = paper
        self.reference = reference; self.summary = summary; self.options = options; self.maps = maps
        self.strips = strips; self.outputPhases = outputPhases; self.untrainedConstant = untrainedConstant
    }

    public func map(_ name: String) -> MapSpec? { maps.first { $0.name == name } }
}

public protocol AttentionBlock: Sendable {
    static var info: BlockInfo { get }

    /// Reads its options (unknown ones are an error afterwards) and declares its tensors.
    init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws

    /// Fails, naming the size, where the block cannot run on an input of this height and width.
    func validate(height: Int, width: Int) throws

    func forward(_ x: Tensor, trace: Trace?) -> Tensor

    /// Multiply-adds for one (1, C, height, width) input, counting conv/linear products and the
    /// elementwise products of gating.
    func multiplyAdds(height: Int, width: Int) -> Int

    /// The hyper-parameters in effect, for display ("reduction": "16").
    var settings: [(key: String, value: String)] { get }

    /// `options` moved to the nearest values that fit this channel count (see OptionFitting).
    static func fitted(channels: Int, options: BlockOptions) -> FittedOptions
}

extension AttentionBlock {
    public func validate(height: Int, width: Int) throws {}
}
