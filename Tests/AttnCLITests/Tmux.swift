// Tmux: end-to-end tests of the built binary in a real terminal emulator. Each instance runs its
// own tmux server on a private socket (-L attnview-test-<uuid>) with no configuration file
// (-f /dev/null), so tests never touch a user's tmux, and kills it when released.
import Foundation
import Glibc

final class Tmux {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The socket name (tmux -L) of this instance's server.
    let socket = "attnview-test-\(UUID().uuidString)"
    /// The session (and its one pane) the command runs in.
    let target = "attnview"
    private let executable: String
    /// Where the server listens (tmux leaves the file behind; `kill` removes it).
    private(set) var socketPath: String?
    private var killed = false

    /// Starts `command` (a shell command line) detached in a `width` x `height` window. The pane
    /// gets TERM `terminal`, a UTF-8 locale, PATH and HOME, plus `environment`; nothing else
    /// from the test runner's environment (no COLORTERM unless given). The pane stays after
    /// the command exits, so its last screen and exit status can be read.
    init(width: Int = 80, height: Int = 24, command: String, terminal: String = "tmux-256color",
         environment: [String: String] = [:]) throws {
        executable = try Self.findTmux()
        var settings = [
            "start-server", ";",
            "set-option", "-g", "default-terminal", terminal, ";",
            "set-option", "-g", "remain-on-exit", "on", ";",
            "set-option", "-g", "status", "off", ";",
            "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
        ]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { settings += ["-e", "\(name)=\(value)"] }
        settings.append(command)
        try run(settings)
        socketPath = try? run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .newlines)
    }

    /// An interactive sh whose prompt is `prompt`, for typing command lines and checking that the
    /// prompt comes back after a program quits.
    static func shell(width: Int = 80, height: Int = 24, prompt: String = "attnview-test$ ",
                      terminal: String = "tmux-256color", environment: [String: String] = [:]) throws -> Tmux {
        var environment = environment
        environment["PS1"] = prompt
        return try Tmux(width: width, height: height, command: "exec sh -i", terminal: terminal,
                        environment: environment)
    }

    deinit { kill() }

    /// Sends tmux key names: "q", "Tab", "BTab", "Enter", "Escape", "C-c", "PageDown", "Up", "+".
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes (send-keys -H), invalid UTF-8 and broken escape sequences included.
    func sendHex(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", target, "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Types a command line and presses Enter.
    func enter(_ commandLine: String) throws {
        try type(commandLine)
        try sendKeys("Enter")
    }

    /// The visible pane, one line per row, trailing spaces trimmed by tmux.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    /// The visible pane, or why there is none, for failure messages.
    var screenText: String {
        do { return try capture() } catch { return "<\(error)>" }
    }

    /// The visible pane with colours and attributes as SGR escape sequences (capture-pane -e).
    func captureWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", target])
    }

    /// Polls the pane until it contains `text`; false on timeout.
    func waitFor(_ text: String, timeout: TimeInterval = 10) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Polls the pane until `condition` holds for its text; false on timeout.
    func waitUntil(timeout: TimeInterval = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let screen = try? capture(), condition(screen) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }

    /// The last line of the pane that is not blank (where a prompt that came back sits).
    func lastNonBlankLine() throws -> String {
        try capture().split(separator: "\n", omittingEmptySubsequences: false)
            .last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
    }

    /// Resizes the window, and with it the pane; the program in it gets SIGWINCH. resize-window
    /// switches the window to a manual size, which is what a detached session needs in tmux 3.3.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format for the pane: "#{pane_width}x#{pane_height}", "#{alternate_on}" (1 while a
    /// program holds the alternate screen), "#{cursor_flag}" (1 when the cursor is visible),
    /// "#{keypad_cursor_flag}", "#{pane_dead}", "#{pane_dead_status}", "#{pane_pid}".
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .newlines)
    }

    /// The process id of the pane's command (the shell, for `shell`).
    func panePID() throws -> Int32 {
        guard let pid = Int32(try format("#{pane_pid}")) else { throw Failure(description: "no pane pid") }
        return pid
    }

    /// The exit status once the pane's command has ended; nil while it runs (or while tmux has
    /// yet to collect the status: poll).
    func exitStatus() throws -> Int32? {
        guard try format("#{pane_dead}") == "1" else { return nil }
        if let status = Int32(try format("#{pane_dead_status}")) { return status }
        // tmux 3.3a can miss the SIGCHLD of a pane process that exits as its pty closes and then
        // never reaps it; another SIGCHLD makes the server collect the status.
        if let server = Int32(try run(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .newlines)) {
            Glibc.kill(server, SIGCHLD)
        }
        return nil
    }

    /// Stops the server and everything running in it, and removes its socket (tmux leaves it).
    /// Safe to call again.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
        if let socketPath { unlink(socketPath) }
    }

    /// Runs one tmux command and returns its standard output. Spawned directly rather than with
    /// Foundation's Process so the child starts with no blocked signals: test runner threads
    /// block most of them, and a tmux server inheriting that mask ignores SIGTERM (kill-server)
    /// and never sees SIGCHLD (pane exits).
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
        let outputPath = folder.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
        let errorPath = outputPath + ".err"
        defer { unlink(outputPath); unlink(errorPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable, "-L", socket, "-f", "/dev/null", "-u"] + arguments).map { strdup($0) }
        let envp = Self.baseEnvironment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}

        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (waitpid's encoding: low 7 bits 0, then the status).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: "
                          + errors.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output
    }

    /// The server's environment, which panes inherit: only what a test can rely on.
    private static var baseEnvironment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        return [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": inherited["HOME"] ?? NSTemporaryDirectory(),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "SHELL": "/bin/sh",
        ]
    }

    private static func findTmux() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "tmux is not installed (scripts/setup.sh installs it)")
    }
}
