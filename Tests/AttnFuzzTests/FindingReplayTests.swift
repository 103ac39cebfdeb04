// Every input a fuzzing pass once found (a crash, a hang, a misleading line) is kept under
// Tests/Fixtures/fuzz/<target>/NAME.bin with NAME.expected, the line the reader gives for it
// now; each is run again here, so what was fixed stays fixed.
import AttnFuzz
import AttnTestSupport
import Foundation
import Testing

private func findings() -> [String] {
    let root = Fixtures.url("fuzz")
    var found: [String] = []
    for target in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
        for file in (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? []
        where file.hasSuffix(".bin") {
            found.append("\(target)/\(file)")
        }
    }
    return found.sorted()
}

@Suite struct FindingReplayTests {
    @Test func thereAreFindingsToReplay() {
        #expect(findings().count >= 5)
    }

    @Test(arguments: findings())
    func aFindingGivesItsExpectedLine(_ path: String) throws {
        let targetName = String(path.split(separator: "/")[0])
        let target = try #require(FuzzTargets.named(targetName), "no target \(targetName)")
        let input = [UInt8](try Data(contentsOf: Fixtures.url("fuzz/\(path)")))
        let expectedURL = Fixtures.url("fuzz/" + path.dropLast(".bin".count) + ".expected")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).trimmingCharacters(in: .newlines)
        let outcome = try target.run(input)
        #expect(outcome.line == expected)
    }
}
