// What the signal handlers do, called directly on a pseudo-terminal (a real signal would end the
// test runner; the tmux tests send real ones to the built binary): giving the terminal back
// leaves the alternate screen, shows the cursor, restores the modes and drops typeahead; taking
// it again re-enters the screen with the TUI's modes, and the next read asks for a full repaint.
// Also keys read through ncurses: invalid UTF-8 and garbled escape sequences swallow nothing
// after them, and a read with no time to wait takes what has arrived and returns at once.
import AttnTerminal
import AttnTUI
import Foundation
import Glibc
import Testing

extension TerminalSessionTests {
    @Test func givingTheTerminalBackAndTakingItAgain() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let before = pty.modes()
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        session.draw(sampleScreen(width: 40, height: 10))
        let during = pty.modes()
        _ = pty.takeOutput()
        pty.type("abc")
        #expect(pty.slaveHasInput(within: .seconds(2)))

        TerminalRestore.giveBack(discardTypeahead: true)
        let away = pty.modes()
        let leave = pty.takeOutput()
        #expect(leave.text.hasPrefix("\u{18}"), "CAN ends a half-written sequence: \(leave)")
        #expect(leave.contains("\u{1B}[?1049l"), "alternate screen left: \(leave)")
        #expect(leave.contains("\u{1B}[?25h"), "cursor shown: \(leave)")
        #expect(leave.contains("\u{1B}[?1l"), "keypad back to normal mode: \(leave)")
        #expect(away.c_lflag == before.c_lflag && away.c_iflag == before.c_iflag && away.c_oflag == before.c_oflag)
        #expect(!pty.slaveHasInput(), "keys typed for the TUI are not left for the shell")

        TerminalRestore.takeBack()
        let back = pty.modes()
        let enter = pty.takeOutput()
        #expect(enter.contains("\u{1B}[?1049h"), "alternate screen again: \(enter)")
        #expect(enter.contains("\u{1B}[?25l"), "cursor hidden: \(enter)")
        #expect(enter.contains("\u{1B}[?1h"), "keypad in application mode: \(enter)")
        #expect(back.c_lflag == during.c_lflag && back.c_iflag == during.c_iflag)
        #expect(session.readKey(timeoutMilliseconds: 1000) == .resize(width: 40, height: 10), "a repaint is asked for")
        session.draw(sampleScreen(width: 40, height: 10))
        let repaint = pty.takeOutput()
        #expect(repaint.contains("\u{1B}[H\u{1B}[2J"), "from a cleared screen: \(repaint)")
        #expect(repaint.contains("bold"), "everything drawn again")

        // Taking it again without having given it back sets the modes, and re-enters nothing.
        TerminalRestore.takeBack()
        #expect(!pty.takeOutput(quiet: .milliseconds(50)).contains("\u{1B}[?1049h"))
        #expect(session.readKey(timeoutMilliseconds: 1000) == .resize(width: 40, height: 10))
    }

    @Test func badBytesSwallowNoKeysAfterThem() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        for (bytes, name) in [([0xFF], "a byte that starts nothing"), ([0xE2, 0x82], "a cut-off €"), ([0x80], "a stray continuation"),
                              (Array("\u{1B}[<0;12;3M".utf8), "an SGR mouse report"), (Array("\u{1B}[M !!".utf8), "an X10 mouse report"),
                              (Array("\u{1B}[1;".utf8), "a cut-off CSI"), (Array("\u{1B}[99999999999999999999;1H".utf8), "a huge parameter")]
                             as [([UInt8], String)] {
            pty.type(bytes: bytes + [0x71])
            var read = [Key]()
            while read.last != .character("q"), read.count < 40, let key = session.readKey(timeoutMilliseconds: 2000) { read.append(key) }
            #expect(read.last == .character("q"), "\(name): \(read)")
        }
    }

    @Test func aReadWithNoTimeTakesOnlyWhatHasArrived() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        let clock = ContinuousClock()
        var start = clock.now
        #expect(session.readKey(timeoutMilliseconds: 0) == nil)
        #expect(clock.now - start < .milliseconds(50))
        pty.type("]]é\u{1B}[6~")
        #expect(pty.slaveHasInput(within: .seconds(2)))
        start = clock.now
        var read = [Key]()
        while let key = session.readKey(timeoutMilliseconds: 0) { read.append(key) }
        let typed: [Key] = [.character("]"), .character("]"), .character("é"), .pageDown]
        #expect(read == typed)
        #expect(clock.now - start < .seconds(1))
    }

    @Test func paddingIsLeftOutOfTheRestoreStrings() {
        #expect(TerminalRestore.withoutPadding(Array("\u{1B}[?5h$<100/>\u{1B}[?5l$<5*>".utf8)) == Array("\u{1B}[?5h\u{1B}[?5l".utf8))
        #expect(TerminalRestore.withoutPadding(Array("a$b$<c".utf8)) == Array("a$b$<c".utf8))
    }
}
