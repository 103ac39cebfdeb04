// The image budget end to end: the decompression bombs of issue 11 (a 13 KB PNG of 1 x 1,000,000
// pixels, a 65 KB one of 67 x 1,000,000) are refused with one line naming the option that raises
// the limit, in every command, and with the limit raised the strip runs at --size 1024 in a few
// hundred megabytes instead of asking for a 12 GB allocation. Peak memory is the kernel's figure.
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

/// The two files, written once for the suite.
private let bombs: (folder: TemporaryFolder, strip: String, tall: String) = {
    let folder = try! TemporaryFolder()
    let strip = folder.path("strip.png"), tall = folder.path("tall.png")
    try! Data(BlackPNG.bilevel(width: 1, height: 1_000_000)).write(to: URL(fileURLWithPath: strip))
    try! Data(BlackPNG.bilevel(width: 67, height: 1_000_000)).write(to: URL(fileURLWithPath: tall))
    return (folder, strip, tall)
}()

@Suite struct ImageBudgetCommandTests {
    let folder: TemporaryFolder
    var strip: String { bombs.strip }
    var tall: String { bombs.tall }

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func classifyRefusesTheStripByItsShape() throws {
        let result = try MeasuredRun.run(["classify", strip], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot read PNG '\(strip)': 1x1000000 image is over 50 times as tall as wide, past the aspect limit (raise it with --max-aspect)\n")
        #expect(result.peakMegabytes > 5 && result.peakMegabytes < 200 * Sanitizers.memoryFactor, "\(result.peakMegabytes) MB")
    }

    @Test func classifyRefusesTheTallImageByItsPixels() throws {
        let result = try MeasuredRun.run(["classify", tall, "--max-aspect", "1000000"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot read PNG '\(tall)': 67x1000000 image has 67000000 pixels, over the limit of 48000000 (raise it with --max-pixels)\n")
        #expect(result.peakMegabytes > 5 && result.peakMegabytes < 200 * Sanitizers.memoryFactor, "\(result.peakMegabytes) MB")
    }

    /// The third case of the issue: --size 1024 once asked for 1024 x 1,000,000 x 3 floats.
    @Test func theStripRunsAtSize1024WhenAllowed() throws {
        let result = try MeasuredRun.run(["classify", strip, "--max-aspect", "1000000", "--size", "1024"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 6)
        #expect(result.peakMegabytes > 5 && result.peakMegabytes < 500 * Sanitizers.memoryFactor, "\(result.peakMegabytes) MB")
    }

    @Test func theTUIRefusesBeforeTheScreenOpens() throws {
        let result = try MeasuredRun.run([strip, "--screenshot", folder.path("shot.png")], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("past the aspect limit (raise it with --max-aspect)\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("shot.png")))
    }

    @Test func exportNamesTheRefusedImageAndExportsTheRest() throws {
        let input = folder.path("in")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: strip, toPath: "\(input)/strip.png")
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path,
                                         toPath: "\(input)/cat.png")
        let result = try MeasuredRun.run(["export", input, "--size", "64", "--out", folder.path("out")], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "1 exported, 1 failed\n")
        #expect(result.stderr.contains("failed \(input)/strip.png: cannot read PNG '\(input)/strip.png': 1x1000000 image is over 50 times"),
                "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("out/cat/summary.json")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/strip")))
    }

    @Test func devicesAreNotRead() throws {
        let result = try MeasuredRun.run(["classify", "/dev/zero"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot read image '/dev/zero': is a device, not a file\n")
    }

    @Test func limitsAreValidated() throws {
        let pixels = try MeasuredRun.run(["classify", strip, "--max-pixels", "0"], in: folder)
        #expect(pixels.status == 64 && pixels.stderr.contains("--max-pixels must be at least 1, got 0"), "\(pixels.stderr)")
        let aspect = try MeasuredRun.run(["export", strip, "--out", folder.path("o"), "--max-aspect", "0"], in: folder)
        #expect(aspect.status == 64 && aspect.stderr.contains("--max-aspect must be at least 1, got 0"), "\(aspect.stderr)")
    }
}
