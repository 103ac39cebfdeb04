// Where the checked-in test fixtures live (Tests/Fixtures), found from this file's own path so
// that tests need no resource bundles. The fixtures are written by scripts/fixtures/*.py.
import Foundation

public enum Fixtures {
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AttnTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Tests/Fixtures")

    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The package root, for tests that run the built binary.
    public static var packageRoot: URL { directory.deletingLastPathComponent().deletingLastPathComponent() }
}
