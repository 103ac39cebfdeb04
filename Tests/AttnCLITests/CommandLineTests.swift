// The command-line contract of the built binary: --version, --help listing only the subcommands
// that are built, and `attnview bench` printing its figures.
import Foundation
import Testing

@Test func versionPrintsTheVersion() throws {
    let result = try BuiltBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}

@Test func helpListsOnlyBuiltSubcommands() throws {
    let result = try BuiltBinary.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("bench"))
    for later in ["export", "classify", "modules", "block"] {
        #expect(!result.stdout.contains("  \(later) "), "\(later) is listed but not built yet")
    }
}

@Test func unknownSubcommandFailsWithOneClearLine() throws {
    let result = try BuiltBinary.run(["no-such-command"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("Error"))
}

@Test func benchPrintsThroughputFigures() throws {
    let result = try BuiltBinary.run(["bench", "--json", "--repeats", "1"], timeout: 300)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    struct Row: Decodable { let name: String; let gflops_median: Double; let gflops_best: Double; let median_ms: Double }
    struct Report: Decodable { let machine: String; let results: [Row] }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    #expect(report.results.contains { $0.name.hasPrefix("sgemm") })
    #expect(report.results.contains { $0.name.hasPrefix("conv") })
    #expect(report.results.contains { $0.name.hasPrefix("depthwise") })
    for row in report.results {
        #expect(row.gflops_median > 0 && row.gflops_best >= row.gflops_median && row.median_ms > 0, "\(row.name)")
    }
}
