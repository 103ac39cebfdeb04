// `attnview export` as a user runs it: a folder with a broken file among good ones (names with
// spaces and unicode), shards that partition a folder, an interrupt mid-batch, bad options.
import AttnExport
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

/// `count` small copies of the cat (some with spaces and unicode in their names) in `folder/in`.
private func images(_ count: Int, in folder: TemporaryFolder) throws -> [String] {
    try FileManager.default.createDirectory(atPath: folder.path("in"), withIntermediateDirectories: true)
    let cat = try PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/cat.png"))
    let bytes = Data(try PNG.encode(cat.resizedBilinear(height: 40, width: 60)))
    let names = (0..<count).map { ["cat \($0).png", "chat-ünï-\($0).png", "c\($0).png"][$0 % 3] }
    for name in names { try bytes.write(to: URL(fileURLWithPath: folder.path("in/" + name))) }
    return names
}

private func folders(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Every folder under `out` holds exactly what its summary.json lists; nothing is hidden there.
private func expectOnlyCompleteFolders(_ out: String) throws {
    for name in folders(out) {
        #expect(!name.hasPrefix("."), "left behind: \(name)")
        guard !name.hasPrefix(".") else { continue }
        let summary = try ExportSummary.decode(Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name)/summary.json"))))
        let listed = summary.layers.flatMap { $0.files.map(\.file) } + ["maps.safetensors", "summary.json"]
        #expect(folders("\(out)/\(name)") == listed.sorted(), "\(name)")
    }
}

@Test func aBrokenFileIsNamedAndTheRestComplete() throws {
    let folder = try TemporaryFolder()
    let names = try images(2, in: folder)
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder.path("in/broken file.png")))
    let result = try BuiltBinary.run(["export", folder.path("in"), "--module", "cbam", "--size", "64", "--out", folder.path("out")])
    #expect(result.status == 1)
    #expect(result.stdout == "2 exported, 1 failed\n")
    #expect(result.stderr.contains("failed \(folder.path("in/broken file.png")): cannot read image"), "stderr: \(result.stderr)")
    #expect(folders(folder.path("out")) == names.map { ExportNames.stem($0) }.sorted())
    try expectOnlyCompleteFolders(folder.path("out"))
    let figure = try PNG.read(contentsOf: URL(fileURLWithPath: folder.path("out/cat 0/03_stage3_spatial.png")))
    #expect(figure.width == 60 && figure.height > 40)
}

@Test func shardsPartitionTheImages() throws {
    let folder = try TemporaryFolder()
    let names = try images(5, in: folder)
    var seen = [String]()
    for i in 0..<3 {
        let out = folder.path("shard\(i)")
        let result = try BuiltBinary.run(["export", folder.path("in"), "--module", "eca", "--size", "32", "--shard", "\(i)/3", "--out", out])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        seen += folders(out)
    }
    #expect(seen.count == names.count)
    #expect(Set(seen) == Set(names.map { ExportNames.stem($0) }))
}

@Test func anInterruptLeavesNoPartialFiles() throws {
    let folder = try TemporaryFolder()
    _ = try images(40, in: folder)
    let out = folder.path("out")
    // 40 images of BAM at 256 px: several seconds of work, so the interrupt lands mid-batch.
    let process = try SpawnedProcess(["export", folder.path("in"), "--module", "bam", "--size", "256", "--jobs", "2", "--out", out], in: folder)
    #expect(process.waitForStderr("[1/40] exported", timeout: 120), "stderr: \(process.stderr)")
    process.signal(SIGINT)
    #expect(process.wait() == 130)
    #expect(process.stderr.contains("interrupted: partial output removed"), "stderr: \(process.stderr)")
    #expect(folders(out).count < 40)
    try expectOnlyCompleteFolders(out)
    // What was done is kept: a rerun with --skip-existing does the rest.
    let resumed = try BuiltBinary.run(["export", folder.path("in"), "--module", "bam", "--size", "256", "--skip-existing", "--out", out])
    #expect(resumed.status == 0)
    #expect(resumed.stdout.hasSuffix("skipped\n") && resumed.stdout.contains("0 failed"), "stdout: \(resumed.stdout)")
    #expect(folders(out).count == 40)
    try expectOnlyCompleteFolders(out)
}

@Test func badExportOptionsFailBeforeAnyWork() throws {
    let folder = try TemporaryFolder()
    let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path
    for (options, message) in [
        (["--shard", "3/3"], "--shard must be i/n"), (["--format", "jpeg"], "--format must be one of png"),
        (["--overlay", "1.5"], "--overlay must be between 0 and 1"), (["--normalize", "log"], "--normalize must be map, layer or raw"),
        (["--channels", "top:0"], "--channels must be top:K"), (["--jobs", "0"], "--jobs must be at least 1"),
        (["--channel", "3", "--channels", "all"], "not both"),
    ] {
        let result = try BuiltBinary.run(["export", cat, "--out", folder.path("out")] + options)
        #expect(result.status != 0, "\(options)")
        #expect(result.stderr.contains(message), "\(options): \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    let none = try BuiltBinary.run(["export", folder.path(""), "--out", folder.path("out")])
    #expect(none.status == 1 && none.stderr.contains("no PNG or JPEG images in"), "\(none.stderr)")
}

@Test func jpegImagesAreReadAsTheyAreShown() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path("in"), withIntermediateDirectories: true)
    // Stored 40 x 24 with EXIF orientation 6 (rotate 90): shown 24 x 40. A JPEG named .png is read too.
    let rotated = Fixtures.url("jpeg/orientation_6.jpg")
    try FileManager.default.copyItem(at: rotated, to: URL(fileURLWithPath: folder.path("in/photo.jpg")))
    try FileManager.default.copyItem(at: Fixtures.url("jpeg/cmyk.jpg"), to: URL(fileURLWithPath: folder.path("in/misnamed.png")))
    let result = try BuiltBinary.run(["export", folder.path("in"), "--module", "eca", "--size", "32", "--out", folder.path("out")])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout == "2 exported, 0 failed\n")
    let summary = try ExportSummary.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/photo/summary.json")))))
    #expect(summary.image.width == 24 && summary.image.height == 40)
    let classified = try BuiltBinary.run(["classify", rotated.path, "--top", "1"])
    #expect(classified.status == 0, "stderr: \(classified.stderr)")
}
