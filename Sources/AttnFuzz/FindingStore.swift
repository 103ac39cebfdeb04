// FindingStore: where a fuzzing session keeps what it found: per target, each input as
// <kind>-<run>.bin with a .txt beside it saying what went wrong; crash.bin and hang.bin are where
// CrashCapture and the Watchdog write the input that ended the process. A finding, once fixed,
// moves to Tests/Fixtures/fuzz/<target>/ with an .expected file holding the line the reader now
// gives, and the replay test keeps it so.
import Foundation

public struct FindingStore: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func targetFolder(_ target: String) -> URL { folder.appendingPathComponent(target) }

    public func prepare(_ target: String) throws {
        try FileManager.default.createDirectory(at: targetFolder(target), withIntermediateDirectories: true)
    }

    public func crashPath(_ target: String) -> String { targetFolder(target).appendingPathComponent("crash.bin").path }
    public func hangPath(_ target: String) -> String { targetFolder(target).appendingPathComponent("hang.bin").path }

    public func save(_ finding: FuzzFinding, target: String, seed: UInt64) throws {
        let base = targetFolder(target).appendingPathComponent("\(finding.kind.rawValue)-s\(seed)-r\(finding.run)")
        try Data(finding.input).write(to: base.appendingPathExtension("bin"))
        // A sample's line is what the replay test expects of it.
        if finding.kind == .sample {
            try Data((finding.message + "\n").utf8).write(to: base.appendingPathExtension("expected"))
        } else {
            try Data((finding.description + "\n").utf8).write(to: base.appendingPathExtension("txt"))
        }
    }
}
