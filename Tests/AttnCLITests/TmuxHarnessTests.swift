// The tmux harness itself, with simple programs: output, typed input, resize, exit status, and a
// shell prompt that comes back after a full-screen program leaves the alternate screen.
import Foundation
import Testing

@Test func tmuxRunsACommandAndTakesTypedInput() throws {
    let tmux = try Tmux(width: 50, height: 10, command: "printf 'ready\\n'; exec cat")
    #expect(tmux.waitFor("ready"))
    try tmux.type("typed text")
    try tmux.sendKeys("Enter")
    // cat echoes the line once the terminal's line discipline hands it over: it shows twice.
    #expect(tmux.waitUntil { $0.components(separatedBy: "typed text").count == 3 }, "\(tmux.screenText)")
    try tmux.sendKeys("C-d")
    #expect(tmux.waitUntil { _ in (try? tmux.exitStatus()) == 0 })
}

@Test func tmuxPassesTheEnvironmentAndTerminalType() throws {
    let tmux = try Tmux(command: "echo \"term=$TERM colorterm=${COLORTERM:-unset} x=$X\"; exec cat",
                        terminal: "xterm-256color", environment: ["X": "1"])
    #expect(tmux.waitFor("term=xterm-256color colorterm=unset x=1"), "\(tmux.screenText)")
}

@Test func tmuxResizesADetachedWindow() throws {
    let tmux = try Tmux.shell(width: 80, height: 24)
    #expect(tmux.waitFor("attnview-test$"))
    try tmux.enter("stty size")
    #expect(tmux.waitFor("24 80"))
    try tmux.resize(width: 100, height: 30)
    #expect(try tmux.format("#{pane_width}x#{pane_height}") == "100x30")
    try tmux.enter("clear; stty size")
    #expect(tmux.waitFor("30 100"), "\(tmux.screenText)")
}

@Test func tmuxShowsThePromptAgainAfterAFullScreenProgram() throws {
    // capture-pane trims trailing spaces, so the prompt is looked for without its space.
    let prompt = "attnview-test$"
    let tmux = try Tmux.shell(prompt: prompt + " ")
    #expect(tmux.waitFor(prompt))
    // A stand-in for a TUI: alternate screen, hidden cursor, no echo; then everything undone.
    try tmux.enter("stty -echo; printf '\\033[?1049h\\033[?25lFULL SCREEN'; read x; stty echo; printf '\\033[?25h\\033[?1049l'")
    #expect(tmux.waitFor("FULL SCREEN"))
    #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "1 0")
    #expect(try !tmux.capture().contains(prompt), "the alternate screen hides the shell")
    try tmux.sendKeys("Enter")
    #expect(tmux.waitUntil { _ in (try? tmux.lastNonBlankLine()) == prompt })
    #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1")
    try tmux.enter("echo back")
    #expect(tmux.waitFor("\nback\n"), "typing is echoed again")
}

@Test func tmuxReportsTheExitStatusAndSignals() throws {
    let tmux = try Tmux(command: "trap 'exit 143' TERM; echo waiting; while :; do sleep 0.05; done")
    #expect(tmux.waitFor("waiting"))
    #expect(try tmux.exitStatus() == nil)
    #expect(kill(try tmux.panePID(), SIGTERM) == 0)
    #expect(tmux.waitUntil { _ in (try? tmux.exitStatus()) == 143 })
}

@Test func tmuxServersArePrivateAndGoAway() throws {
    var tmux: Tmux? = try Tmux(command: "exec cat")
    let socket = try #require(tmux?.socket)
    #expect(socket.hasPrefix("attnview-test-"))
    let socketFile = try #require(tmux?.socketPath)
    #expect(socketFile.hasSuffix("/" + socket))
    #expect(FileManager.default.fileExists(atPath: socketFile))
    let pidText = try #require(tmux).format("#{pid}")
    let server = try #require(Int32(pidText))
    tmux = nil
    #expect(!FileManager.default.fileExists(atPath: socketFile), "the socket is gone with the harness")
    // The server may take a moment to exit after kill-server.
    let deadline = Date().addingTimeInterval(5)
    while kill(server, 0) == 0 && !isZombie(server) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect(kill(server, 0) != 0 || isZombie(server), "the server is gone with the harness")
}

/// Whether a process has exited but not been reaped (its parent may be an init that never reaps).
private func isZombie(_ pid: Int32) -> Bool {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}
