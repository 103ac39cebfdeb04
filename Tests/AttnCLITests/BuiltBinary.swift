// BuiltBinary: runs the `attnview` executable that `swift test` built beside the test bundle,
// capturing its exit status, stdout and stderr.
import Foundation

struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum BuiltBinary {
    static var url: URL {
        // The test runner lives in the build products folder, next to the attnview executable.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while !folder.path.isEmpty && folder.path != "/" {
            let candidate = folder.appendingPathComponent("attnview")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("attnview executable not found beside \(runner.path)")
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes while the process runs so a chatty child cannot block on a full pipe:
        // stderr on a second thread, stdout on this one.
        let errBox = ErrorOutput()
        let reader = Thread { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); errBox.done.signal() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errBox.done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// What the stderr reader thread hands back.
private final class ErrorOutput: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
