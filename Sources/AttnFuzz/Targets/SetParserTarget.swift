// The --set target: what `--set key=value` does from the command line to the block's output. An
// input is a line "block C H W" then one assignment a line; it is parsed as the CLI parses
// --set, validated against the block's OptionSpecs, and the block built (seeded) and run on a
// small input. The shape is folded into at most 128 channels and 24x24, so that what is under
// test is the options: every value in range must build and run in bounded time and memory with a
// finite output, and every value out of range must be refused with the block's own line.
import AttnBlocks
import AttnEngine

public struct SetParserTarget: FuzzTarget {
    public let name = "set"
    public var seeds: [(folder: String, suffixes: [String])] { [] }

    public init() {}

    /// Each block with its defaults, then with each option at either end of its range.
    public var builtInSeeds: [[UInt8]] {
        var lines: [String] = []
        for type in BlockRegistry.all {
            let info = type.info
            lines.append("\(info.name) 32 14 14\n" + info.options.map { "\($0.key)=\($0.defaultValue)" }.joined(separator: "\n"))
            for spec in info.options {
                switch spec.kind {
                case .integer(let range, _):
                    lines.append("\(info.name) 64 7 9\n\(spec.key)=\(range.lowerBound)")
                    lines.append("\(info.name) 16 24 24\n\(spec.key)=\(range.upperBound)")
                case .number(let range):
                    lines.append("\(info.name) 8 5 5\n\(spec.key)=\(range.lowerBound)")
                    lines.append("\(info.name) 8 5 5\n\(spec.key)=\(range.upperBound)")
                case .oneOf(let words), .listOf(let words):
                    lines.append("\(info.name) 24 6 6\n\(spec.key)=\(words.joined(separator: ","))")
                case .flag:
                    lines.append("\(info.name) 12 3 3\n\(spec.key)=true")
                }
            }
        }
        return lines.map { Array($0.utf8) }
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome {
        let lines = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let head = (lines.first ?? "").split(separator: " ")
        // A number as written when it fits (so "32" is 32), any other text by its hash; then folded.
        let number = { (i: Int, fold: Int) -> Int in
            guard i < head.count else { return 8 }
            let value = Int(head[i]).map { UInt64($0.magnitude) } ?? head[i].utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }
            return 1 + Int((value &- 1) % UInt64(fold))
        }
        let blockName = head.first.map(String.init) ?? ""
        let channels = number(1, 128), height = number(2, 24), width = number(3, 24)
        return try readerOutcome(refusing: BlockError.self) {
            let options = try BlockOptions(assignments: lines.dropFirst().map(String.init))
            let built = try BlockRegistry.build(blockName, channels: channels, options: options, source: .seeded(0))
            try built.block.validate(height: height, width: width)
            let count = channels * height * width
            let x = Tensor(shape: [1, channels, height, width], data: (0..<count).map { Float(($0 * 7919) % 201) / 100 - 1 })
            let y = built.block.forward(x, trace: Trace())
            guard y.data.allSatisfy(\.isFinite) else {
                throw FuzzFailure("\(blockName) \(built.block.settings) on \(x.shape) gives a non-finite output")
            }
            return .accepted("\(built.info.name) \(x.shape) -> \(y.shape)")
        }
    }
}
