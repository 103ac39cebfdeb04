// TUIPane: the TUI started from an interactive shell in tmux, for the terminal-fault tests. It
// knows the pane's terminal modes as `stty -a` prints them (read from outside the pane, so
// nothing has to be typed while the TUI runs), the attnview process, and the status the shell
// saw it end with. Swift's backtracer is told not to wait for a key after SIGQUIT or a crash.
import AttnTestSupport
import Foundation
import Glibc
import Testing

final class TUIPane {
    static let prompt = "attnview-test$"

    let tmux: Tmux
    /// The pane's terminal device (/dev/pts/N).
    let tty: String
    /// `stty -a` before attnview started.
    let modesBefore: String
    private(set) var pid: pid_t = 0

    /// Starts `attnview samples/cat.png ARGUMENTS` from a shell (in `folder`, when given); `waitUntilDrawn`
    /// waits for its first frame.
    init(_ arguments: String = "--module cbam --size 64", width: Int = 100, height: Int = 30,
         in folder: String? = nil) throws {
        tmux = try Tmux.shell(width: width, height: height, environment: ["SWIFT_BACKTRACE": "interactive=no"])
        guard tmux.waitFor(Self.prompt) else { throw Tmux.Failure(description: "no prompt: \(tmux.screenText)") }
        tty = try tmux.format("#{pane_tty}")
        modesBefore = try Self.modes(of: tty)
        let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path
        // No core files from SIGQUIT and the crash signals, wherever the tests run.
        try tmux.enter("ulimit -c 0; " + (folder.map { "cd '\($0)' && " } ?? "")
                       + "\(BuiltBinary.url.path) \(cat) \(arguments)")
    }

    /// Waits for the first frame and finds the attnview process.
    func waitUntilDrawn(sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard tmux.waitFor("layers", timeout: 120) else {
            throw Tmux.Failure(description: "no first frame: \(tmux.screenText)")
        }
        let shell = try tmux.panePID()
        guard let child = Self.child(of: shell, named: "attnview") else {
            throw Tmux.Failure(description: "no attnview process under the shell")
        }
        pid = child
    }

    /// `stty -a` of the pane's terminal now.
    func modes() throws -> String { try Self.modes(of: tty) }

    /// The modes without the size, which a resize test changes on purpose.
    static func withoutSize(_ modes: String) -> String {
        modes.replacingOccurrences(of: #"rows \d+; columns \d+; "#, with: "", options: .regularExpression)
    }

    var isRunning: Bool { kill(pid, 0) == 0 && !Self.isZombie(pid) }

    /// The status attnview ended with, as the shell saw it ($?, typed once the prompt is back: a
    /// shell abandons the rest of a command line whose program died of SIGINT); nil on timeout.
    func waitForStatus(timeout: TimeInterval = 10) throws -> Int32? {
        guard tmux.waitUntil(timeout: timeout, { _ in (try? self.tmux.lastNonBlankLine()) == Self.prompt }) else { return nil }
        try tmux.enter("echo attnview-status=$?")
        var status: Int32?
        _ = tmux.waitUntil { screen in
            guard let match = screen.firstMatch(of: /attnview-status=(\d+)/) else { return false }
            status = Int32(match.1)
            return true
        }
        return status
    }

    /// The terminal is as the shell left it: the same modes, the normal screen, a visible cursor,
    /// and the prompt back after the status line.
    func expectRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(tmux.waitUntil { _ in (try? self.tmux.lastNonBlankLine()) == Self.prompt },
                "no prompt after attnview: \(tmux.screenText)", sourceLocation: sourceLocation)
        let after = try modes()
        #expect(after == modesBefore, "stty -a changed:\nbefore: \(modesBefore)\nafter: \(after)", sourceLocation: sourceLocation)
        #expect(try tmux.format("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(try tmux.format("#{cursor_flag}") == "1", "cursor hidden", sourceLocation: sourceLocation)
        #expect(!isRunning, "attnview \(pid) still running", sourceLocation: sourceLocation)
    }

    private static func modes(of tty: String) throws -> String {
        let stty = Process()
        stty.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        stty.arguments = ["stty", "-a", "-F", tty]
        let output = Pipe()
        stty.standardOutput = output
        try stty.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stty.waitUntilExit()
        guard stty.terminationStatus == 0 else { throw Tmux.Failure(description: "stty -a -F \(tty) failed") }
        return text.split(separator: "\n").joined(separator: " ")
    }

    /// A child process of `parent` with this command name, from /proc.
    private static func child(of parent: pid_t, named name: String) -> pid_t? {
        let deadline = Date().addingTimeInterval(5)
        repeat {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry), let (command, ppid) = status(of: pid) else { continue }
                if ppid == parent && command == name { return pid }
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    /// The command name, and the parent, from /proc/PID/stat: "pid (name) state ppid ...".
    private static func status(of pid: pid_t) -> (String, pid_t)? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let ppid = pid_t(fields[1]) else { return nil }
        return (String(stat[stat.index(after: open)..<close]), ppid)
    }

    static func isZombie(_ pid: pid_t) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
