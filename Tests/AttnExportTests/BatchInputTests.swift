// What a batch takes: the PNGs of folders (recursively on request; hidden entries and links to
// folders skipped), files by name, in byte order of their paths, each with an output folder that
// is unique and cannot leave --out; shards that split the list without overlap or loss.
@testable import AttnExport
import Foundation
import Testing

private func touch(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: FileSystem.parentPath(path), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: URL(fileURLWithPath: path))
}

@Test func foldersGiveTheirPNGsInPathOrder() throws {
    let folder = try ScratchFolder()
    for name in ["b.png", "a b.png", "ünï.png", ".hidden.png", "notes.txt", "sub/c.png", "sub/deeper/d.PNG", "sub/.e.png"] {
        try touch(folder.file("in/" + name))
    }
    try FileManager.default.createSymbolicLink(atPath: folder.file("in/link"), withDestinationPath: folder.file("in/sub"))
    let flat = try BatchInputs.collect([folder.file("in")], recursive: false)
    #expect(flat.map(\.outputName) == ["a b", "b", "ünï"])
    #expect(flat.map(\.path) == ["a b.png", "b.png", "ünï.png"].map { folder.file("in/" + $0) })
    let deep = try BatchInputs.collect([folder.file("in") + "/"], recursive: true)
    #expect(deep.map(\.outputName) == ["a b", "b", "sub/c", "sub/deeper/d", "ünï"])
}

@Test func clashingNamesAreNumberedInPathOrder() throws {
    let folder = try ScratchFolder()
    for name in ["x/cat.png", "y/cat.png", "y/cat-1.png", "z/cat.png"] { try touch(folder.file(name)) }
    let inputs = try BatchInputs.collect(["x", "y", "z"].map { folder.file($0) } + [folder.file("x/cat.png")], recursive: false)
    // Byte order puts "cat-1.png" before "cat.png"; the file given twice is taken once.
    #expect(inputs.map(\.path) == ["x/cat.png", "y/cat-1.png", "y/cat.png", "z/cat.png"].map { folder.file($0) })
    #expect(inputs.map(\.outputName) == ["cat", "cat-1", "cat-2", "cat-3"])
    #expect(Set(inputs.map(\.outputName)).count == inputs.count)
}

@Test func missingFilesAreKeptToBeReported() throws {
    let inputs = try BatchInputs.collect(["/no/such/file.png"], recursive: false)
    #expect(inputs == [BatchInput(path: "/no/such/file.png", outputName: "file")])
}

@Test func shardsAreDisjointAndCoverTheList() {
    let inputs = (0..<10).map { BatchInput(path: "img\($0).png", outputName: "img\($0)") }
    let shards = (0..<3).map { BatchInputs.shard(inputs, index: $0, count: 3) }
    #expect(shards.map(\.count) == [4, 3, 3])
    #expect(Set(shards.flatMap { $0.map(\.path) }) == Set(inputs.map(\.path)))
    #expect(shards.flatMap { $0 }.count == inputs.count)
    #expect(shards[1].map(\.path) == ["img1.png", "img4.png", "img7.png"])
}

@Test func shardSpecificationsAreChecked() {
    #expect(BatchInputs.parseShard("0/3")! == (0, 3))
    #expect(BatchInputs.parseShard("2/3")! == (2, 3))
    for bad in ["3/3", "-1/2", "a/b", "1", "0/0", "1/2/3", ""] { #expect(BatchInputs.parseShard(bad) == nil, "\(bad)") }
}
