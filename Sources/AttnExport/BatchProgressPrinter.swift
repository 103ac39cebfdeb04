// BatchProgressPrinter: a batch's progress on stderr. On a terminal, one bar redrawn in place
// (images done of all, rate, time left), with failures printed above it as they happen; into a
// file or a pipe, one plain line per image, so logs of cluster jobs read well.
import AttnText
import Foundation
import Synchronization

public final class BatchProgressPrinter: Sendable {
    private struct State {
        var done = 0, failed = 0
        var barShown = false
    }

    private let total: Int
    private let terminal: Bool
    private let out: String
    private let started = Date()
    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void

    public init(total: Int, out: String, terminal: Bool, write: @escaping @Sendable (String) -> Void = BatchProgressPrinter.standardError) {
        self.total = total; self.out = out; self.terminal = terminal; self.write = write
    }

    public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    public func report(_ result: BatchResult) {
        state.withLock { s in
            s.done += 1
            let counter = "[\(s.done)/\(total)]"
            var line: String?
            switch result.status {
            case .exported(let files):
                if !terminal { line = "\(counter) exported \(result.input.path) -> \(out)/\(result.input.outputName) (\(files) files, \(String(format: "%.2f", result.seconds)) s)" }
            case .skipped:
                if !terminal { line = "\(counter) skipped \(result.input.path): \(out)/\(result.input.outputName) exists" }
            case .failed(let reason):
                s.failed += 1
                line = "\(counter) failed " + DisplayText.escaped("\(result.input.path): \(reason)", limit: 1000)
            }
            var text = ""
            if terminal && s.barShown { text += "\r\u{1b}[2K" }
            if let line { text += line + "\n" }
            if terminal { text += bar(s); s.barShown = true }
            write(text)
        }
    }

    /// Ends the bar's line.
    public func finish() {
        state.withLock { s in
            if terminal && s.barShown { write("\n"); s.barShown = false }
        }
    }

    private func bar(_ s: State) -> String {
        let width = 30
        let filled = total == 0 ? width : s.done * width / total
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(s.done) / elapsed : 0
        let left = rate > 0 ? Double(total - s.done) / rate : 0
        let eta = String(format: "%d:%02d", Int(left) / 60, Int(left) % 60)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(s.done)/\(total) images, \(String(format: "%.2f", rate))/s, ETA \(eta)"
            + (s.failed > 0 ? ", \(s.failed) failed" : "")
    }
}
