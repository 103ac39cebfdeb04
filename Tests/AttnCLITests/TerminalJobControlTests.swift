// Suspend and resume in tmux: Ctrl-Z (and kill -TSTP) hand the shell a sane terminal (its own
// modes, the normal screen, the cursor) and stop the TUI; `fg` brings back the TUI's modes and the
// very screen it showed, repainted in full; q then restores the terminal as usual.
import Foundation
import Glibc
import Testing

@Test func suspendHandsTheShellASaneTerminalAndFgRedrawsTheScreen() throws {
    let pane = try TUIPane("--module cbam --size 64", width: 90, height: 26)
    try pane.waitUntilDrawn()
    let tmux = pane.tmux
    try tmux.sendKeys("]", "Tab")
    #expect(tmux.waitUntil { $0.contains("stage1 16x32x32") && $0.contains("view 2/3") }, "\(tmux.screenText)")
    let shown = try tmux.captureWithEscapes()
    let tuiModes = try pane.modes()

    for (round, suspend) in ["C-z", "kill -TSTP"].enumerated() {
        if suspend == "C-z" { try tmux.sendKeys("C-z") } else { #expect(kill(pane.pid, SIGTSTP) == 0) }
        #expect(tmux.waitUntil { _ in (try? tmux.lastNonBlankLine()) == TUIPane.prompt }, "\(suspend): no prompt: \(tmux.screenText)")
        #expect(tmux.screenText.contains("Stopped"), "\(suspend): \(tmux.screenText)")
        #expect(try pane.modes() == pane.modesBefore, "\(suspend): the shell's modes while stopped")
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1", "\(suspend)")
        #expect(pane.isRunning, "stopped, not ended")
        try tmux.enter("echo typed-$((40+\(round)))")
        #expect(tmux.waitFor("typed-\(40 + round)\n"), "\(suspend): the shell echoes: \(tmux.screenText)")

        try tmux.enter("fg")
        #expect(tmux.waitUntil { _ in (try? tmux.captureWithEscapes()) == shown },
                "\(suspend): after fg the screen is not what it was:\n\(tmux.screenText)")
        #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "1 0", "\(suspend)")
        #expect(try pane.modes() == tuiModes, "\(suspend): the TUI's modes again")
    }
    // Keys work after the resumes.
    try tmux.sendKeys("]")
    #expect(tmux.waitFor("stage2"), "\(tmux.screenText)")
    try tmux.sendKeys("q")
    #expect(try pane.waitForStatus() == 0)
    try pane.expectRestored()
}
