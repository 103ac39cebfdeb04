// `attnview classify`: a network's top-K classes for each image (EfficientNet-Lite0 by default).
import ArgumentParser
import AttnText
import AttnModels
import AttnRuntime
import Foundation

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Print a network's top classes for each image, PNG or JPEG (default: EfficientNet-Lite0 on ImageNet).")

    @Argument(help: "Images, PNG or JPEG.")
    var images: [String]

    @Option(help: "How many classes to print per image.")
    var top = 5

    @OptionGroup var network: NetworkOptions

    @OptionGroup var imageOptions: ImageOptions

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "With --json, also every class's logit.")
    var logits = false

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("give at least one image") }
        guard (1...1000).contains(top) else { throw ValidationError("--top must be between 1 and 1000, got \(top)") }
    }

    func run() throws {
        let results = Classify.run(images: images, top: top, network: try PreparedNetwork.load(network.choice),
                                   budget: imageOptions.budget, logits: logits && json)
        let output = json ? Classify.json(results) : Classify.text(results)
        if !output.isEmpty { print(output) }
        let failures = results.compactMap(\.error)
        for failure in failures { FileHandle.standardError.write(Data("Error: \(DisplayText.escaped(failure, limit: 1000))\n".utf8)) }
        if !failures.isEmpty { throw ExitCode.failure }
    }
}
