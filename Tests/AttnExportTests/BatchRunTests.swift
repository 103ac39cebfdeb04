// Batches end to end, in process: good images give complete folders (every figure summary.json
// lists, maps.safetensors equal to the trace bit for bit, statistics equal to the maps' own),
// bad ones are reported and skipped, a second run gives the same bytes, skipExisting resumes,
// and an interrupt leaves no partial output.
import AttnEngine
@testable import AttnExport
import AttnFormats
import AttnFiles
import AttnImaging
import AttnModels
import AttnTUI
import Foundation
import Testing

private func prepare(_ block: String) -> BatchExport.Prepare {
    { input in
        let image = try PNG.read(contentsOf: URL(fileURLWithPath: input.path))
        let run = try ProbeMode.run(Lite0Preprocessing.tensor(image, side: 64), network: ExportFixture.network,
                                    request: .init(block: block))
        return (TUIModel(imageName: ExportNames.stem(input.path) + ".png", image: image, run: run),
                ImageExport.Provenance(version: "test", imagePath: input.path, imageSize: (image.width, image.height), options: [:],
                                       preprocessing: "64"))
    }
}

/// Three small good images (one with a space, one with unicode in its name), a truncated PNG
/// and a file that is no PNG at all.
private func batchFolder() throws -> ScratchFolder {
    let folder = try ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
    let small = ExportFixture.cat.resizedBilinear(height: 48, width: 72)
    let bytes = try PNG.encode(small)
    for name in ["cat.png", "black cat.png", "chat-ünï.png"] {
        try Data(bytes).write(to: URL(fileURLWithPath: folder.file("in/" + name)))
    }
    try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: folder.file("in/truncated.png")))
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder.file("in/text.png")))
    return folder
}

private func runBatch(_ folder: ScratchFolder, out: String, block: String = "bam", jobs: Int = 2, skipExisting: Bool = false,
                      cancellation: BatchCancellation = BatchCancellation(),
                      progress: @escaping @Sendable (BatchResult) -> Void = { _ in }) throws -> BatchOutcome {
    let inputs = try BatchInputs.collect([folder.file("in")], recursive: false)
    return try BatchExport.run(.init(inputs: inputs, out: folder.file(out), jobs: jobs, skipExisting: skipExisting, options: ExportOptions()),
                               cancellation: cancellation, prepare: prepare(block), progress: progress)
}

private final class Results: @unchecked Sendable {
    let lock = NSLock()
    var items = [BatchResult]()
    func add(_ r: BatchResult) { lock.lock(); items.append(r); lock.unlock() }
}

// One batch at a time: a batch sets the process's thread count, which the others would change.
@Suite(.serialized) struct BatchRuns {
    @Test func goodImagesCompleteAndBadOnesAreNamed() throws {
        let folder = try batchFolder()
        let results = Results()
        let outcome = try runBatch(folder, out: "out", progress: results.add)
        #expect(outcome == BatchOutcome(exported: 3, failed: 2, skipped: 0))
        #expect(outcome.line == "3 exported, 2 failed")
        let failures = results.items.compactMap { r -> String? in if case .failed(let why) = r.status { return "\(r.input.path): \(why)" } else { return nil } }
        #expect(failures.count == 2)
        #expect(failures.contains { $0.contains("truncated.png") })
        #expect(failures.contains { $0.contains("text.png") && $0.contains("not a PNG") })
        #expect(try FileSystem.entries(folder.file("out")) == ["black cat", "cat", "chat-ünï"])
        for name in ["black cat", "cat", "chat-ünï"] {
            let summary = try ExportSummary.decode(try FileBytes.read(path: folder.file("out/\(name)/summary.json")))
            let listed = summary.layers.flatMap { $0.files.map(\.file) } + ["maps.safetensors", "summary.json"]
            #expect(folder.files(under: "out/\(name)") == listed.sorted())
            #expect(summary.layers.count == 9 && summary.module == "bam")
            // Every view of every layer: bam's spatial, gate (its mean, one channel), channel and the feature.
            #expect(summary.layers.allSatisfy { $0.files.map(\.map) == ["spatial", "gate_mean", "gate", "channel", "feature"] })
            for file in summary.layers[0].files {
                let image = try PNG.read(contentsOf: URL(fileURLWithPath: folder.file("out/\(name)/\(file.file)")))
                #expect(image.width > 0 && image.height > 48)
            }
        }
    }

    @Test func mapsFileIsTheTraceBitForBitAndTheSummaryItsStatistics() throws {
        let folder = try batchFolder()
        _ = try runBatch(folder, out: "out", block: "sa")
        let (model, _) = try prepare("sa")(BatchInput(path: folder.file("in/cat.png"), outputName: "cat"))
        let file = try SafeTensors.read(contentsOf: URL(fileURLWithPath: folder.file("out/cat/maps.safetensors")))
        let expected = model.run.layers.flatMap { layer in layer.maps.map { ("\(layer.name).\($0.name)", $0.tensor) } }
        #expect(Set(file.tensors.keys) == Set(expected.map(\.0)))
        for (key, tensor) in expected {
            #expect(file.tensors[key]?.shape == tensor.shape, "\(key)")
            #expect(file.tensors[key]?.data.map(\.bitPattern) == tensor.data.map(\.bitPattern), "\(key)")
        }
        let summary = try ExportSummary.decode(try FileBytes.read(path: folder.file("out/cat/summary.json")))
        for (layer, entry) in zip(model.run.layers, summary.layers) {
            #expect(entry.name == layer.name && entry.featureShape == layer.feature.shape)
            for (map, stats) in zip(layer.maps, entry.maps) {
                let values = map.tensor.data.map(Double.init)
                let mean = values.reduce(0, +) / Double(values.count)
                let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                #expect(stats.key == "\(layer.name).\(map.name)")
                #expect(stats.statistics.shape == map.tensor.shape)
                #expect(stats.statistics.min == map.tensor.data.min()! && stats.statistics.max == map.tensor.data.max()!)
                #expect(abs(stats.statistics.mean - mean) <= 1e-9 * max(1, abs(mean)))
                #expect(abs(stats.statistics.std - std) <= 1e-9 * max(1, std))
            }
            // SA's channel gate: the top channels are the largest entries, in order.
            let gate = layer.map("channel")!.data
            let top = entry.maps.first { $0.name == "channel" }!.statistics.top!
            #expect(top.map(\.value) == Array(gate.sorted(by: >).prefix(5)))
            #expect(top.map { gate[$0.channel] } == top.map(\.value))
        }
        #expect(summary.top5.map(\.index) == model.run.top(5).map(\.index))
        #expect(summary.weights == .init(source: "untrained, seed 0", trained: false))
        #expect(summary.image == .init(path: folder.file("in/cat.png"), width: 72, height: 48))
    }

    @Test func aSecondRunGivesTheSameBytes() throws {
        let folder = try batchFolder()
        _ = try runBatch(folder, out: "first", block: "coordatt")
        _ = try runBatch(folder, out: "second", block: "coordatt")
        let files = folder.files(under: "first")
        #expect(files.count == 3 * (9 * 4 + 2))
        #expect(files == folder.files(under: "second"))
        for file in files {
            #expect(try FileBytes.read(path: folder.file("first/" + file)) == FileBytes.read(path: folder.file("second/" + file)), "\(file)")
        }
    }

    @Test func skipExistingResumesAndARerunReplaces() throws {
        let folder = try batchFolder()
        _ = try runBatch(folder, out: "out", block: "eca")
        FileSystem.remove(folder.file("out/cat"))
        let resumed = try runBatch(folder, out: "out", block: "eca", skipExisting: true)
        #expect(resumed == BatchOutcome(exported: 1, failed: 2, skipped: 2))
        #expect(resumed.line == "1 exported, 2 failed, 2 skipped")
        let again = try runBatch(folder, out: "out", block: "eca")
        #expect(again.exported == 3)
        #expect(try FileSystem.entries(folder.file("out")) == ["black cat", "cat", "chat-ünï"])
    }

    @Test func anInterruptLeavesOnlyCompleteFolders() throws {
        let folder = try batchFolder()
        let cancellation = BatchCancellation()
        // Interrupt as soon as the first image is done, while the other job is still at work.
        let outcome = try runBatch(folder, out: "out", block: "simam", cancellation: cancellation) { _ in cancellation.interrupt() }
        #expect(outcome.exported + outcome.failed <= 2)
        for name in try FileSystem.entries(folder.file("out")) {
            #expect(!name.hasPrefix("."), "left behind: \(name)")
            let summary = try ExportSummary.decode(try FileBytes.read(path: folder.file("out/\(name)/summary.json")))
            let listed = summary.layers.flatMap { $0.files.map(\.file) } + ["maps.safetensors", "summary.json"]
            #expect(folder.files(under: "out/\(name)") == listed.sorted())
        }
    }

}

@Test func staleTemporariesOfDeadRunsAreRemoved() throws {
    let folder = try ScratchFolder()
    // pid 2^22 + 1 is above Linux's largest pid, so no such process runs.
    for name in [".attnview-partial-4194305-1", ".attnview-replaced-4194305-2", ".attnview-partial-\(getpid())-3", "keep"] {
        try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
    }
    BatchExport.removeStaleTemporaries(in: folder.path)
    #expect(try FileSystem.entries(folder.path) == [".attnview-partial-\(getpid())-3", "keep"])
}
