// `attnview block`: runs one attention block on a safetensors tensor (see AttnRuntime.BlockRun).
import ArgumentParser
import AttnBlocks
import AttnRuntime
import Foundation

struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Run one attention block on the tensor 'input' of a safetensors file.",
        discussion: """
            Writes 'output' and every map of the block as 'maps.<name>' to --out. Weight keys are the \
            block's own state_dict keys in its reference code, with no prefix. Blocks: \
            \(BlockRegistry.all.map { $0.info.name }.joined(separator: ", ")).
            """)

    @Argument(help: "The block (se, cbam, coordatt, ...; see `attnview modules`).")
    var name: String

    @Option(help: "A safetensors file holding the tensor 'input' (N, C, H, W).")
    var input: String

    @Option(help: "The block's weights: a safetensors file or a PyTorch checkpoint (.pth, .pt, .pth.tar); default: seeded initialisation.")
    var weights: String?

    @Option(name: .customLong("set"), help: "A hyper-parameter, key=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Seed of the initialisation when no --weights are given.")
    var seed: UInt64 = 0

    @Option(help: "Where to write the output safetensors file.")
    var out: String

    func run() throws {
        let summary = try BlockRun.run(.init(
            block: name, input: URL(fileURLWithPath: input), weights: weights.map { URL(fileURLWithPath: $0) },
            options: settings, seed: seed, output: URL(fileURLWithPath: out)))
        let settingsText = summary.settings.isEmpty
            ? "" : " [" + summary.settings.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "]"
        let maps = summary.maps.map { "maps.\($0.name) \($0.shape)" }.joined(separator: ", ")
        print("\(summary.block)\(settingsText) \(summary.weightsSource): input \(summary.inputShape) -> "
              + "output \(summary.outputShape)\(maps.isEmpty ? "" : "; " + maps) -> \(out)")
    }
}
