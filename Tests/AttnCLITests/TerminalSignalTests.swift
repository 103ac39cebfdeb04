// Signals while the TUI runs, in tmux: whatever ends the process (Ctrl-C, kill -s TERM, HUP,
// QUIT, USR1, USR2, PIPE, ALRM, and a crash signal) leaves the terminal as the shell had it (the
// same `stty -a`, the normal screen, the cursor shown) and the process dies of that signal (the
// shell's status is 128 + its number).
import AttnTestSupport
import Foundation
import Glibc
import Testing

@Test(arguments: [("C-c", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP), ("QUIT", SIGQUIT), ("USR1", SIGUSR1),
                  ("USR2", SIGUSR2), ("PIPE", SIGPIPE), ("ALRM", SIGALRM), ("SEGV", SIGSEGV)])
func aSignalThatEndsTheTUIRestoresTheTerminal(sent: String, signal: Int32) throws {
    let pane = try TUIPane("--module se --size 64", width: 80, height: 24)
    try pane.waitUntilDrawn()
    #expect(try pane.tmux.format("#{alternate_on} #{cursor_flag}") == "1 0")
    #expect(try pane.modes() != pane.modesBefore, "the TUI's own modes while it runs")
    if sent == "C-c" {
        try pane.tmux.sendKeys("C-c")
    } else {
        #expect(kill(pane.pid, signal) == 0)
    }
    // SIGQUIT and SIGSEGV go on to Swift's backtracer, which takes a moment to print.
    let status = try pane.waitForStatus(timeout: signal == SIGQUIT || signal == SIGSEGV ? 60 : 10)
    if Sanitizers.address && (signal == SIGQUIT || signal == SIGSEGV) {
        // The sanitizer's own handlers report these and exit 1; the terminal must still be back.
        #expect(status != 0, "\(sent): \(pane.tmux.screenText)")
    } else {
        #expect(status == 128 + signal, "\(sent): \(pane.tmux.screenText)")
    }
    try pane.expectRestored()
}
