// `attnview modules`: every block's parameters, multiply-adds and maps at one input shape; with
// --models, every network --model knows.
import ArgumentParser
import AttnText
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

    static let maxValues = 1 << 20

    func validate() throws {
        _ = try parsedShape()
    }

    func parsedShape() throws -> (c: Int, h: Int, w: Int) {
        let parts = shape.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        // Every block runs at the shape, ACmix's unfolded windows (49 copies of the input) and all,
        // so the product is kept to what they hold in a few hundred megabytes.
        guard parts.count == 3, let c = parts[0], let h = parts[1], let w = parts[2], (1...2048).contains(c),
              (1...512).contains(h), (1...512).contains(w), c * h * w <= Self.maxValues
        else {
            throw ValidationError("--shape must be three positive integers C,H,W (C up to 2048, H and W up to 512, "
                                  + "C*H*W up to \(Self.maxValues)), got '\(DisplayText.escaped(shape))'")
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
