// The attnview command: a thin layer of subcommands over the libraries. Every message it prints
// on the way out goes through DisplayText, so a file name, a key or an argument carrying ESC or
// BEL cannot drive the user's terminal.
import ArgumentParser
import AttnText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@main
struct AttnView: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview",
        abstract: "Look inside the attention blocks of convolutional networks, in a terminal.",
        version: AttnViewVersion.string,
        subcommands: [ViewCommand.self, ExportCommand.self, ClassifyCommand.self, BlockCommand.self, ModulesCommand.self, Bench.self],
        defaultSubcommand: ViewCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = DisplayText.escapedLines(fullMessage(for: error))
            if !message.isEmpty {
                let line = message.hasSuffix("\n") ? message : message + "\n"
                if code == .success { print(line, terminator: "") } else { FileHandle.standardError.write(Data(line.utf8)) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}
