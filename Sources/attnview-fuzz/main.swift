// attnview-fuzz: runs the seeded mutation fuzzer of AttnFuzz on the readers of files from
// outside (png, jpeg, safetensors, pth-zip, pth-legacy) and on --set, for a time or a number of
// runs; scripts/fuzz.sh runs every target in turn under a memory limit. Exit status: 0 nothing
// found, 1 findings (written under --findings), 2 usage; a crash kills it by its signal and a
// hang exits 3, with the input saved.
import ArgumentParser
import AttnFuzz
import Foundation

@main
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attnview-fuzz",
        abstract: "Fuzz attnview's readers with mutated seed files.",
        discussion: "Targets: \(FuzzTargets.names.joined(separator: ", ")).")

    @Argument(help: "The targets to run, one after another (default: all).")
    var targets: [String] = []

    @Option(help: "Seconds per target.")
    var seconds: Double = 60

    @Option(help: "At most this many runs per target.")
    var runs: Int = Int.max

    @Option(help: "The generator's seed: the same seed gives the same inputs.")
    var seed: UInt64 = 1

    @Option(help: "The folder of seed files (the test fixtures).")
    var corpus: String = "Tests/Fixtures"

    @Option(help: "Where findings are written.")
    var findings: String = ".fuzz-findings"

    @Option(help: "A single run longer than this many seconds is a finding; over four times it, a hang.")
    var slow: Double = 5

    @Option(help: "Peak resident memory over this many MB is a finding.")
    var maxMegabytes: Double = 500

    @Option(help: "Run one input file through the (single) target and print what it made of it, as a finding's .expected file holds it.")
    var replay: String?

    @Option(help: "Keep the first input of each kind of refusal containing this text, as sample-*.bin (to build the regression corpus).")
    var keepRefusals: String?

    func validate() throws {
        if replay != nil && targets.count != 1 { throw ValidationError("--replay takes exactly one target") }
        for name in targets where FuzzTargets.named(name) == nil {
            throw ValidationError("unknown target '\(name)' (known: \(FuzzTargets.names.joined(separator: ", ")))")
        }
        guard seconds > 0, runs > 0, slow > 0, maxMegabytes > 0 else {
            throw ValidationError("--seconds, --runs, --slow and --max-megabytes must be positive")
        }
    }

    func run() throws {
        if let replay, let target = FuzzTargets.named(targets[0]) {
            guard let data = FileManager.default.contents(atPath: replay) else { throw ValidationError("cannot read \(replay)") }
            print(try target.run([UInt8](data)).line)
            return
        }
        let chosen = targets.isEmpty ? FuzzTargets.all : targets.compactMap(FuzzTargets.named)
        let store = FindingStore(folder: URL(fileURLWithPath: findings))
        var total = 0
        for target in chosen {
            try store.prepare(target.name)
            let corpus: FuzzCorpus
            do {
                corpus = try FuzzCorpus(target: target, fixtures: URL(fileURLWithPath: self.corpus))
            } catch {
                throw ValidationError(error.description)
            }
            CrashCapture.install(path: store.crashPath(target.name))
            Watchdog.start(seconds: 4 * slow, path: store.hangPath(target.name))
            var fuzz = FuzzRun()
            fuzz.seed = seed
            fuzz.maxRuns = runs
            fuzz.seconds = seconds
            fuzz.slowRunSeconds = slow
            fuzz.maxMegabytes = maxMegabytes
            fuzz.keepRefusalsContaining = keepRefusals
            print("\(target.name): \(corpus.seeds.count) seeds, seed \(seed)")
            let report = fuzz.run(target, corpus: corpus) { print("  " + $0.summary) }
            for finding in report.findings {
                print("  " + finding.description)
                try store.save(finding, target: target.name, seed: seed)
            }
            for sample in report.samples { try store.save(sample, target: target.name, seed: seed) }
            print(report.summary)
            total += report.findingCount
        }
        if total > 0 {
            print("\(total) findings under \(findings)")
            throw ExitCode(1)
        }
    }
}
