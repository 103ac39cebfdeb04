// The short pass CI runs: every target for a fixed number of runs from a fixed seed, so the same
// inputs every time, with no finding allowed (a crash or hang ends the test process, which fails
// too). scripts/fuzz.sh runs the long passes; what they find is kept in Tests/Fixtures/fuzz.
import AttnFuzz
import AttnTestSupport
import Foundation
import Testing

/// Runs per target: about eight seconds each in a debug build, a minute in all.
private let shortPassRuns: [String: Int] = [
    "png": 150_000, "jpeg": 150_000, "safetensors": 56_000, "pth-zip": 80_000, "pth-legacy": 60_000, "set": 12_000,
]

@Suite struct ShortPassTests {
    @Test(arguments: FuzzTargets.names)
    func aShortPassFindsNothing(target name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let corpus = try FuzzCorpus(target: target, fixtures: Fixtures.directory)
        var fuzz = FuzzRun()
        fuzz.seed = 20261202
        fuzz.maxRuns = try #require(shortPassRuns[name])
        fuzz.slowRunSeconds = 10
        fuzz.maxMegabytes = 2000  // the test process holds the other suites' data too
        let report = fuzz.run(target, corpus: corpus)
        #expect(report.runs == fuzz.maxRuns)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map(\.description).joined(separator: "\n"))")
        // The mutations reach past the first check: several different refusals, some inputs read.
        #expect(report.refusalKinds.count >= 5, "\(report.summary)")
        #expect(report.accepted > 0, "\(report.summary)")
        print(report.summary)
    }
}

@Suite struct MutatorTests {
    @Test func theSameSeedGivesTheSameInputs() {
        let seed = Array("a file of some bytes 1234 and more".utf8)
        var a = FuzzRandom(seed: 7), b = FuzzRandom(seed: 7), c = FuzzRandom(seed: 8)
        let mutator = Mutator()
        let fromA = (0..<50).map { _ in mutator.mutate(seed, others: [seed], rng: &a) }
        let fromB = (0..<50).map { _ in mutator.mutate(seed, others: [seed], rng: &b) }
        let fromC = (0..<50).map { _ in mutator.mutate(seed, others: [seed], rng: &c) }
        #expect(fromA == fromB)
        #expect(fromA != fromC)
        #expect(fromA.filter { $0 != seed }.count > 40)
    }

    @Test func mutationsLandMostlyInTheFocus() {
        let seed = [UInt8](repeating: 0x41, count: 1000)
        var rng = FuzzRandom(seed: 3)
        let mutator = Mutator(maxStack: 1, focus: 100..<110)
        var inFocus = 0, changed = 0
        for _ in 0..<400 {
            let out = mutator.mutate(seed, others: [], rng: &rng)
            guard out.count == seed.count, let first = out.indices.first(where: { out[$0] != seed[$0] }) else { continue }
            changed += 1
            if (100..<110).contains(first) { inFocus += 1 }
        }
        #expect(changed > 50)
        #expect(Double(inFocus) / Double(changed) > 0.6)
    }

    @Test func theCheckpointFocusIsTheDataPickle() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.url("checkpoints/mixed_zip.pth")))
        let range = try #require(CheckpointTarget.dataPickleRange(in: bytes))
        #expect(bytes[range.lowerBound] == 0x80)  // PROTO
        #expect(bytes[range.upperBound - 1] == 0x2E)  // STOP
    }

    @Test func errorLinesWithControlCharactersOrSeveralLinesAreFindings() {
        #expect(throws: FuzzFailure.self) { try ErrorLine.check("bad\nline") }
        #expect(throws: FuzzFailure.self) { try ErrorLine.check("bad \u{1b}[2J") }
        #expect(throws: FuzzFailure.self) { try ErrorLine.check(String(repeating: "x", count: 5000)) }
        #expect(throws: FuzzFailure.self) { try ErrorLine.check("") }
        #expect((try? ErrorLine.check("cannot read PNG 'a.png': IHDR: CRC error")) != nil)
    }
}
