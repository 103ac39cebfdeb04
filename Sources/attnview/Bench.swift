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

    func validate() throws {
        guard (1...10_000).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 10000, got \(repeats)") }
    }

    func run() throws {
        var cases = EngineBenchmark.engineCases
        if let image { cases += try ImageBenchmark.cases(imagePath: image) }
        let results = EngineBenchmark.run(cases, repeats: repeats)
        print(json ? EngineBenchmark.json(results) : EngineBenchmark.table(results))
    }
}
