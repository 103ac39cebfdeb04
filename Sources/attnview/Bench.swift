// `attnview bench`: prints engine throughput figures (see AttnBench), and with --image how fast
// that PNG is read and turned into a network input.
import ArgumentParser
import AttnBench
import AttnRuntime

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure sgemm and conv2d throughput (GFLOP/s, median and best of repeated runs).")

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: "Timed repetitions per case.")
    var repeats = 9

    @Option(help: "Also time reading this image and preparing it as a 224x224 network input.")
    var image: String?

    @Option(help: "Also time the TUI on this image: one key and one frame at 120x40, and a first frame.")
    var tui: String?

    @Option(help: "Also time reading this PyTorch checkpoint (.pth, zip or legacy) into tensors.")
    var checkpoint: String?

    @Option(help: "The probe block for --tui.")
    var module = "cbam"

    func validate() throws {
        guard (1...10_000).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 10000, got \(repeats)") }
    }

    func run() throws {
        var cases = EngineBenchmark.engineCases
        if let image { cases += try ImageBenchmark.cases(imagePath: image) }
        if let checkpoint { cases += try CheckpointBenchmark.cases(checkpointPath: checkpoint) }
        if let tui { cases += try TUIBenchmark.cases(imagePath: tui, network: NetworkChoice(module: module)) }
        let results = EngineBenchmark.run(cases, repeats: repeats)
        print(json ? EngineBenchmark.json(results) : EngineBenchmark.table(results))
    }
}
