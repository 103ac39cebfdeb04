// The options that choose the network and its weights, shared by the TUI, export and classify.
import ArgumentParser
import AttnModels
import AttnRuntime

struct NetworkOptions: ParsableArguments {
    @Option(help: "A whole network (see `attnview modules --models`); default: EfficientNet-Lite0 with probes.")
    var model: String?

    @Option(name: .long, help: "The probe block on a plain network (se, bam, cbam, simam, sa, coordatt, gc, acmix, eca, triplet, spd; default cbam).")
    var module: String?

    @Option(name: .customLong("set"), help: "A hyper-parameter of the probe block, key=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Weights: the --model network's checkpoint (.pth, .pth.tar, .safetensors); without --model, the probes' ('<layer>.<block key>').")
    var weights: String?

    @Option(help: "Strict loading (true): every key must fit; false loads what fits and lists the rest.")
    var strict = true

    @Option(help: "Seed of the initialisation of whatever --weights do not give.")
    var seed: UInt64 = 0

    @Option(help: "Input side (32 to 1024): Lite0 resizes to it, ImageNet networks crop it.")
    var size = 224

    @Option(help: "Class names, one per line, for a checkpoint that is not ImageNet's 1000 classes.")
    var labels: String?

    func validate() throws {
        guard ProbeMode.sides.contains(size) else { throw ValidationError("--size must be between 32 and 1024, got \(size)") }
    }

    var choice: NetworkChoice {
        NetworkChoice(model: model, module: module, options: settings, weights: weights, strict: strict, seed: seed,
                      side: size, labels: labels)
    }
}
