// `attnview classify`: the ImageNet top-K of EfficientNet-Lite0 for each image.
import ArgumentParser
import AttnModels
import AttnRuntime
import Foundation

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Print EfficientNet-Lite0's top ImageNet classes for each PNG image.")

    @Argument(help: "PNG images.")
    var images: [String]

    @Option(help: "How many classes to print per image.")
    var top = 5

    @Option(help: "Input side the image is resized to (32 to 1024).")
    var size = 224

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard !images.isEmpty else { throw ValidationError("give at least one PNG image") }
        guard (1...1000).contains(top) else { throw ValidationError("--top must be between 1 and 1000, got \(top)") }
        guard ProbeMode.sides.contains(size) else { throw ValidationError("--size must be between 32 and 1024, got \(size)") }
    }

    func run() throws {
        let network = try PretrainedWeights.lite0()
        let results = Classify.run(images: images, top: top, side: size, network: network)
        let output = json ? Classify.json(results) : Classify.text(results)
        if !output.isEmpty { print(output) }
        let failures = results.compactMap(\.error)
        for failure in failures { FileHandle.standardError.write(Data("Error: \(failure)\n".utf8)) }
        if !failures.isEmpty { throw ExitCode.failure }
    }
}
