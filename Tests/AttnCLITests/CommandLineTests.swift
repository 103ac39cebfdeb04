// The command-line contract of the built binary: --version, --help listing the subcommands, and
// `attnview bench` printing its figures.
import AttnTestSupport
import Foundation
import Testing

@Test func versionPrintsTheVersion() throws {
    let result = try BuiltBinary.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}

@Test func helpListsEverySubcommand() throws {
    let result = try BuiltBinary.run(["--help"])
    #expect(result.status == 0)
    for built in ["bench", "block", "modules", "classify", "export"] {
        #expect(result.stdout.contains("  \(built) "), "\(built) is built but not listed")
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
    struct Row: Decodable { let name: String; let unit: String; let rate_median: Double; let rate_best: Double; let median_ms: Double }
    struct Report: Decodable { let machine: String; let results: [Row] }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    #expect(report.results.contains { $0.name.hasPrefix("sgemm") })
    #expect(report.results.contains { $0.name.hasPrefix("conv") })
    #expect(report.results.contains { $0.name.hasPrefix("depthwise") })
    #expect(report.results.contains { $0.name.hasPrefix("unfold") })
    for row in report.results {
        #expect(row.rate_median > 0 && row.rate_best >= row.rate_median && row.median_ms > 0, "\(row.name)")
        #expect(row.unit == (row.name.hasPrefix("unfold") ? "GB/s" : "GFLOP/s"), "\(row.name)")
    }
}

@Test func benchTimesReadingAndPreparingAnImage() throws {
    let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path
    let result = try BuiltBinary.run(["bench", "--json", "--repeats", "1", "--image", cat], timeout: 300)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("\"png read\""))
    #expect(result.stdout.contains("451x300 cat.png"))
    #expect(result.stdout.contains("MPix"))
}

/// A bad image gives one line on stderr naming the file and the cause, and a non-zero exit.
@Test(arguments: [
    ("not-a-png.png", Array("hello, this is text".utf8), "not a PNG or JPEG file"),
    ("truncated.png", Array(pngPrefix(of: "samples/cat.png", bytes: 1000)), "cannot read PNG"),
    ("empty.png", [UInt8](), "not a PNG or JPEG file"),
])
func badImageFailsWithOneClearLine(name: String, bytes: [UInt8], message: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    let result = try BuiltBinary.run(["bench", "--repeats", "1", "--image", file.path])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(message) && result.stderr.contains(name), "stderr: \(result.stderr)")
}

@Test func missingImageFailsWithOneClearLine() throws {
    let result = try BuiltBinary.run(["bench", "--repeats", "1", "--image", "/nonexistent/x.png"])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("/nonexistent/x.png") && result.stderr.contains("No such file"))
}

func pngPrefix(of relativePath: String, bytes: Int) -> [UInt8] {
    let data = try! Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(relativePath))
    return Array(data.prefix(bytes))
}
