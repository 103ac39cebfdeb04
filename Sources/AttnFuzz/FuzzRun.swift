// FuzzRun: the loop. Each run picks a seed, mutates it (the target's mutator, then its repair),
// hands the input to the crash capture and runs the target; it times each run and checks the
// process's peak memory as it goes. What it finds (a failure of the target's checks, a run past
// the time limit, a peak past the memory limit) is kept with the seed and run number that made
// it, so `--seed S` and the run number reproduce it; crashes and hangs are written out by
// CrashCapture and the Watchdog, since they end the process.
import Foundation

public struct FuzzFinding: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case failure, slow, memory, sample }
    public let kind: Kind
    public let run: Int
    public let seedName: String
    public let message: String
    public let input: [UInt8]

    public var description: String { "\(kind.rawValue) at run \(run) (from \(seedName)): \(message)" }
}

public struct FuzzReport: Sendable {
    public var target: String
    public var runs = 0
    public var accepted = 0
    public var refused = 0
    public var seconds = 0.0
    public var slowestRun = 0.0
    public var peakMegabytes = 0.0
    /// The first finding of each kind of message (numbers and quoted text aside); the rest are
    /// only counted, so that one bug hit a thousand times is one file.
    public var findings: [FuzzFinding] = []
    public var findingCount = 0
    /// Inputs kept by keepRefusalsContaining: not findings.
    public var samples: [FuzzFinding] = []
    private var findingKinds = Set<String>()
    /// How many runs ended on each distinct first words of a refusal: a sign of which checks
    /// the inputs reach.
    public var refusalKinds = Set<String>()

    public init(target: String) { self.target = target }

    public var runsPerSecond: Double { seconds > 0 ? Double(runs) / seconds : 0 }

    public var summary: String {
        String(format: "%@: %d runs in %.1f s (%.0f/s), %d accepted, %d refused (%d distinct reasons), slowest %.3f s, peak %.0f MB, %d findings (%d distinct)",
               target, runs, seconds, runsPerSecond, accepted, refused, refusalKinds.count, slowestRun, peakMegabytes,
               findingCount, findings.count)
    }

    mutating func add(_ finding: FuzzFinding) {
        findingCount += 1
        if findingKinds.insert(finding.kind.rawValue + FuzzRun.reasonKind(finding.message)).inserted { findings.append(finding) }
    }
}

public struct FuzzRun: Sendable {
    public var seed: UInt64 = 1
    /// Stop after this many runs, or after `seconds`, whichever comes first.
    public var maxRuns = Int.max
    public var seconds = Double.infinity
    /// A single run longer than this is a finding.
    public var slowRunSeconds = 5.0
    /// Peak resident memory over this is a finding.
    public var maxMegabytes = 500.0
    /// Refusals containing this text are kept as samples (the first of each kind), to make the
    /// regression corpus of Tests/Fixtures/fuzz from.
    public var keepRefusalsContaining: String? = nil

    public init() {}

    public func run(_ target: any FuzzTarget, corpus: FuzzCorpus, progress: ((FuzzReport) -> Void)? = nil) -> FuzzReport {
        var rng = FuzzRandom(seed: seed)
        var report = FuzzReport(target: target.name)
        let mutators = corpus.seeds.map { target.mutator(for: $0) }
        let start = Date()
        var lastProgress = start
        while report.runs < maxRuns {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= seconds { break }
            let which = rng.below(corpus.seeds.count)
            var input = mutators[which].mutate(corpus.seeds[which], others: corpus.seeds, rng: &rng)
            target.repair(&input, rng: &rng)
            CrashCapture.hold(input)
            Watchdog.beat()
            let runStart = Date()
            let outcome: FuzzOutcome
            do {
                outcome = try target.run(input)
            } catch {
                report.add(FuzzFinding(kind: .failure, run: report.runs, seedName: corpus.names[which],
                                                   message: error.description, input: input))
                report.runs += 1
                continue
            }
            let took = Date().timeIntervalSince(runStart)
            report.slowestRun = max(report.slowestRun, took)
            if took > slowRunSeconds {
                report.add(FuzzFinding(kind: .slow, run: report.runs, seedName: corpus.names[which],
                                                   message: String(format: "took %.1f s: %@", took, outcome.line), input: input))
            }
            switch outcome {
            case .accepted: report.accepted += 1
            case .refused(let message):
                report.refused += 1
                let isNew = report.refusalKinds.insert(Self.reasonKind(message)).inserted
                if isNew, let wanted = keepRefusalsContaining, wanted.isEmpty || message.contains(wanted) {
                    report.samples.append(FuzzFinding(kind: .sample, run: report.runs, seedName: corpus.names[which],
                                                      message: outcome.line, input: input))
                }
            }
            report.runs += 1
            if report.runs % 256 == 0 || Date().timeIntervalSince(lastProgress) > 5 {
                let peak = PeakMemory.megabytes()
                if peak > maxMegabytes && report.peakMegabytes <= maxMegabytes {
                    report.add(FuzzFinding(kind: .memory, run: report.runs - 1, seedName: corpus.names[which],
                                                       message: String(format: "peak resident memory %.0f MB", peak), input: input))
                }
                report.peakMegabytes = peak
                if Date().timeIntervalSince(lastProgress) > 5 {
                    lastProgress = Date()
                    report.seconds = lastProgress.timeIntervalSince(start)
                    progress?(report)
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        report.peakMegabytes = PeakMemory.megabytes()
        return report
    }

    /// A refusal with its numbers and quoted text taken out: "chunk 'X' at offset N needs ...".
    static func reasonKind(_ message: String) -> String {
        var out = "", inQuote = false
        for ch in message {
            if ch == "'" { inQuote.toggle(); out.append("'"); continue }
            if inQuote { continue }
            if ch.isNumber { if out.last != "#" { out.append("#") } } else { out.append(ch) }
        }
        return out
    }
}

/// The process's peak resident set (VmHWM), as the kernel counts it.
public enum PeakMemory {
    public static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}
