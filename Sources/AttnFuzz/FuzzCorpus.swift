// FuzzCorpus: a target's seeds, read from the fixtures folder (the valid files the tests already
// hold) plus the target's own built-in ones, in sorted order so that a seed number means the same
// file everywhere.
import Foundation

public struct FuzzCorpus: Sendable {
    public let seeds: [[UInt8]]
    public let names: [String]

    public init(target: any FuzzTarget, fixtures: URL, maxSeedBytes: Int = 1 << 20) throws(FuzzFailure) {
        var seeds: [[UInt8]] = [], names: [String] = []
        for (folder, suffixes) in target.seeds {
            let directory = fixtures.appendingPathComponent(folder)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
                throw FuzzFailure("no seed folder \(directory.path)")
            }
            for file in files.sorted() where suffixes.contains(where: file.hasSuffix) {
                guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                      data.count <= maxSeedBytes else { continue }
                seeds.append([UInt8](data))
                names.append("\(folder)/\(file)")
            }
        }
        for (i, seed) in target.builtInSeeds.enumerated() {
            seeds.append(seed)
            names.append("built-in \(i)")
        }
        guard !seeds.isEmpty else { throw FuzzFailure("target \(target.name) has no seeds under \(fixtures.path)") }
        self.seeds = seeds
        self.names = names
    }
}
