// The attnview command: a thin layer of subcommands over the libraries.
import ArgumentParser

@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "Look inside the attention blocks of convolutional networks, in a terminal.",
        version: AttnViewVersion.string,
        subcommands: [ViewCommand.self, ExportCommand.self, ClassifyCommand.self, BlockCommand.self, ModulesCommand.self, Bench.self],
        defaultSubcommand: ViewCommand.self)
}
