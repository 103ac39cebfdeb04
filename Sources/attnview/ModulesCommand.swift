// `attnview modules`: every block's parameters, multiply-adds and maps at one input shape; with
// --models, every network --model knows.
import ArgumentParser
import AttnRuntime

struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List the attention blocks with their parameter counts, multiply-adds and maps (--models: the networks).")

    @Option(help: "Input shape C,H,W (the default, ResNet's layer1 output, suits every block's defaults).")
    var shape: String = "256,56,56"

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "List the networks of --model instead: parameters, multiply-adds at 224, attention blocks, checkpoint keys.")
    var models = false

    func validate() throws {
        _ = try parsedShape()
    }

    func parsedShape() throws -> (c: Int, h: Int, w: Int) {
        let parts = shape.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3, let c = parts[0], let h = parts[1], let w = parts[2], c > 0, h > 0, w > 0,
              c * h * w <= 1 << 26
        else {
            throw ValidationError("--shape must be three positive integers C,H,W (at most 64M values), got '\(shape)'")
        }
        return (c, h, w)
    }

    func run() throws {
        if models {
            let rows = try ModelTable.rows()
            print(json ? ModelTable.json(rows) : ModelTable.text(rows))
            return
        }
        let (c, h, w) = try parsedShape()
        let rows = ModuleTable.rows(channels: c, height: h, width: w)
        print(json ? ModuleTable.json(rows) : ModuleTable.text(rows, channels: c, height: h, width: w))
    }
}
