// `attnview bench`: prints engine throughput figures (see AttnBench).
import ArgumentParser
import AttnBench

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure sgemm and conv2d throughput (GFLOP/s, median and min over repeated runs).")

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: "Timed repetitions per case.")
    var repeats = 9

    func run() throws {
        let results = EngineBenchmark.runAll(repeats: max(1, repeats))
        print(json ? EngineBenchmark.json(results) : EngineBenchmark.table(results))
    }
}
