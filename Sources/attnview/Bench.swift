// `attnview bench`: prints engine throughput figures (see AttnBench), and with --image how fast
// that PNG is read and turned into a network input.
import ArgumentParser
import AttnBench

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure sgemm and conv2d throughput (GFLOP/s, median and best of repeated runs).")

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: "Timed repetitions per case.")
    var repeats = 9

    @Option(help: "Also time reading this PNG and preparing it as a 224x224 network input.")
    var image: String?

    func run() throws {
        var cases = EngineBenchmark.engineCases
        if let image { cases += try ImageBenchmark.cases(imagePath: image) }
        let results = EngineBenchmark.run(cases, repeats: max(1, repeats))
        print(json ? EngineBenchmark.json(results) : EngineBenchmark.table(results))
    }
}
