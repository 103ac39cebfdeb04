// TerminalSession end to end on a pseudo-terminal in this process: what ncurses writes for a
// frame, only the changes for the next, keys typed back in, resize, and the terminal's modes
// after close. ncurses has one current screen per process, so these run one at a time.
import AttnTerminal
import AttnTUI
import Foundation
import Glibc
import Testing

@Suite(.serialized) struct TerminalSessionTests {
    func open(_ pty: PseudoTerminal, term: String, colorterm: String? = nil,
                      depth: ColorDepth? = nil) throws -> TerminalSession {
        var environment = ["TERM": term]
        environment["COLORTERM"] = colorterm
        return try TerminalSession(forcedDepth: depth, environment: environment, terminal: pty.slave)
    }

    func sampleScreen(width: Int = 20, height: Int = 5) -> Screen {
        var screen = Screen(width: width, height: height)
        screen[0, 0] = Cell("▀", foreground: RGB(255, 0, 0), background: RGB(0, 0, 255))
        screen[1, 0] = Cell("█", foreground: RGB(255, 135, 0), background: RGB(0x12, 0x34, 0x56))
        screen.put("bold", x: 2, y: 1, bold: true)
        screen[width - 1, height - 1] = Cell("┘")
        return screen
    }

    @Test func truecolorGoesThroughTheDirectEntry() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color", colorterm: "truecolor")
        #expect(session.depth == .truecolor)
        #expect(session.terminalType == "xterm-direct")
        session.draw(sampleScreen())
        let frame = pty.takeOutput()
        session.close()
        #expect(frame.contains("\u{1B}[?1049h"), "alternate screen")
        #expect(frame.contains("38:2::255:0:0"), "red foreground as R:G:B")
        #expect(frame.contains("48:2::0:0:255"), "blue background as R:G:B")
        #expect(frame.contains("38:2::255:135:0"))
        #expect(frame.contains("48:2::18:52:86"))
        #expect(frame.contains("▀") && frame.contains("█"))
        #expect(frame.contains("\u{1B}[0;1m") || frame.contains("\u{1B}[1m"), "bold")
        #expect(frame.contains("bold"))
        #expect(frame.contains("┘"), "bottom-right cell")
    }

    @Test func palette256UsesXtermIndices() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color", depth: .palette256)
        #expect(session.depth == .palette256)
        #expect(session.depthNote == nil)
        session.draw(sampleScreen())
        let frame = pty.takeOutput()
        session.close()
        #expect(frame.contains("38;5;196"))
        #expect(frame.contains("48;5;21"))
        #expect(frame.contains("38;5;208"))
        #expect(!frame.contains("38:2:"))
    }

    @Test func directEntriesMeanTruecolorAndPalettesSendRGBThere() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let truecolor = try open(pty, term: "xterm-direct")
        #expect(truecolor.depth == .truecolor)
        #expect(truecolor.terminalType == "xterm-direct")
        truecolor.close()
        _ = pty.takeOutput()
        // Forced to 256 colours on a terminal whose colour numbers are RGB: index 196 would be a
        // dark blue (0x0000C4), so the palette entry's own colour goes out.
        let palette = try open(pty, term: "xterm-direct", depth: .palette256)
        defer { palette.close() }
        #expect(palette.depth == .palette256)
        palette.draw(sampleScreen())
        let frame = pty.takeOutput()
        #expect(frame.contains("38:2::255:0:0"))
        #expect(frame.contains("38:2::255:135:0"))
        #expect(!frame.contains("38:2::0:0:196"))
    }

    @Test func onlyOneSessionAtATime() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let first = try open(pty, term: "xterm-256color")
        #expect(throws: TerminalError.alreadyOpen) { try open(pty, term: "xterm-256color") }
        first.close()
        let second = try open(pty, term: "xterm-256color")
        second.close()
    }

    @Test func onlyChangedCellsAreSent() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color", colorterm: "truecolor")
        defer { session.close() }
        var screen = sampleScreen(width: 40, height: 10)
        for x in 0..<40 { screen.put("row", x: x, y: 5, foreground: RGB(UInt8(x * 6), 200, 10)) }
        session.draw(screen)
        let first = pty.takeOutput()
        session.draw(screen)
        let unchanged = pty.takeOutput()
        screen[7, 3] = Cell("X", foreground: RGB(1, 250, 3))
        session.draw(screen)
        let oneCell = pty.takeOutput()
        #expect(first.byteCount > 400)
        #expect(unchanged.byteCount < 8, "an unchanged frame sends (next to) nothing")
        #expect(oneCell.contains("X"))
        #expect(oneCell.contains("38:2::1:250:3"))
        #expect(oneCell.byteCount < 80, "one cell, not a frame")
    }

    @Test func keysTypedAtTheTerminalAreDecoded() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        // xterm-256color's key strings in keypad (application) mode.
        let typed: [(String, Key)] = [
            ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}[6~", .pageDown), ("\u{1B}[5~", .pageUp),
            ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\t", .tab), ("\u{1B}[Z", .backTab),
            ("\r", .enter), ("\u{7F}", .backspace), ("q", .character("q")), ("+", .character("+")),
            ("é", .character("é")), ("\u{1B}", .escape),
        ]
        for (text, key) in typed {
            pty.type(text)
            #expect(session.readKey(timeoutMilliseconds: 2000) == key, "\(text.debugDescription)")
        }
        // A key the TUI ignores (F5) is skipped, and the next one comes through.
        pty.type("\u{1B}[15~q")
        #expect(session.readKey(timeoutMilliseconds: 2000) == .character("q"))
    }

    @Test func readKeyTimesOut() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(session.readKey(timeoutMilliseconds: 150) == nil)
        let waited = clock.now - start
        #expect(waited >= .milliseconds(120) && waited < .seconds(2), "\(waited)")
    }

    @Test func readKeyReturnsWhenTheInputIsGone() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color")
        defer { session.close() }
        pty.hangUp()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(session.readKey() == nil)
        #expect(clock.now - start < .seconds(2), "no endless wait on a terminal that is gone")
    }

    @Test func resizeIsReportedAndRedrawsEverything() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let session = try open(pty, term: "xterm-256color", colorterm: "truecolor")
        defer { session.close() }
        #expect(session.size == (40, 10))
        session.draw(sampleScreen(width: 40, height: 10))
        _ = pty.takeOutput()
        pty.resize(width: 60, height: 15)
        // A terminal signals its foreground process; this pty controls no process, so say it here.
        // The signal may land on any of the test runner's threads, as in an app with workers,
        // and still has to be noticed well before the timeout.
        let clock = ContinuousClock()
        let start = clock.now
        kill(getpid(), SIGWINCH)
        #expect(session.readKey(timeoutMilliseconds: 5000) == .resize(width: 60, height: 15))
        #expect(clock.now - start < .seconds(1))
        #expect(session.size == (60, 15))
        session.draw(sampleScreen(width: 60, height: 15))
        let redraw = pty.takeOutput()
        #expect(redraw.contains("\u{1B}[H\u{1B}[2J"), "cleared before the full redraw")
        #expect(redraw.contains("38:2::255:0:0"), "unchanged cells are sent again")
    }

    @Test func closeGivesTheTerminalBack() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let before = pty.modes()
        let session = try open(pty, term: "xterm-256color")
        session.draw(sampleScreen())
        let during = pty.modes()
        #expect(during.c_lflag & tcflag_t(ECHO) == 0, "no echo while open")
        #expect(during.c_lflag & tcflag_t(ICANON) == 0, "cbreak while open")
        _ = pty.takeOutput()
        session.close()
        session.close()
        let after = pty.modes()
        let restore = pty.takeOutput()
        #expect(restore.contains("\u{1B}[?1049l"), "alternate screen left")
        #expect(restore.contains("\u{1B}[?25h"), "cursor shown")
        #expect(restore.contains("\u{1B}[?1l"), "keypad back to normal mode")
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
        // A closed session ignores further use.
        #expect(!session.isOpen)
        session.draw(sampleScreen())
        #expect(session.readKey(timeoutMilliseconds: 10) == nil)
        #expect(pty.takeOutput(quiet: .milliseconds(50)).isEmpty)
    }

    @Test func terminfoLookupsLeaveAnOpenSessionAlone() throws {
        let pty = try PseudoTerminal(width: 100, height: 30)
        let session = try open(pty, term: "xterm-256color", colorterm: "truecolor")
        defer { session.close() }
        // setupterm would make cur_term xterm's and LINES/COLS its 80x24.
        #expect(Terminfo.colorCount(terminalType: "xterm") == 8)
        #expect(session.size == (100, 30))
        session.draw(sampleScreen(width: 100, height: 30))
        #expect(pty.takeOutput().contains("38:2::255:0:0"), "still drawing through xterm-direct")
    }

    @Test func framesNeedingMorePairsThanTheTerminalHasStillDraw() throws {
        // xterm has 8 colours and 64 pairs, one of them the default: a frame with all 64
        // combinations needs one more than there is.
        let pty = try PseudoTerminal(width: 64, height: 4)
        let session = try open(pty, term: "xterm", depth: .basic16)
        defer { session.close() }
        #expect(session.depthNote == nil)
        var screen = Screen(width: 64, height: 4)
        for x in 0..<64 {
            let colour = { (index: Int) in XtermPalette.color(index) }
            screen[x, 0] = Cell("▄", foreground: colour(x % 8), background: colour(x / 8))
        }
        session.draw(screen)
        session.draw(screen)
        let frame = pty.takeOutput()
        #expect(frame.contains("▄"))
        // Cells keep colours of their own: white on black, black on red, cyan on cyan's neighbours.
        #expect(frame.contains("\u{1B}[37m\u{1B}[40m▄"))
        #expect(frame.contains("\u{1B}[30m\u{1B}[41m▄"))
        #expect(frame.contains("\u{1B}[36m\u{1B}[46m▄"))
    }

    @Test func aFrameOfMorePairsThanTruecolorAllowsStillDraws() throws {
        // 65535 usable pairs, 75000 distinct cells: the frame is drawn with coarser colours.
        let pty = try PseudoTerminal(width: 300, height: 250)
        let session = try open(pty, term: "xterm-256color", colorterm: "truecolor")
        defer { session.close() }
        var screen = Screen(width: 300, height: 250)
        for y in 0..<250 {
            for x in 0..<300 {
                screen[x, y] = Cell("▀", foreground: RGB(UInt8(x % 256), UInt8(y), UInt8(x / 256 * 100)),
                                    background: RGB(UInt8(y), 9, UInt8(x % 256)))
            }
        }
        session.draw(screen)
        let frame = pty.takeOutput()
        // The bottom-right cell is the last one sent; its colours stay close to (43, 249, 100).
        let last = try #require(frame.text.ranges(of: "38:2::").last)
        let values = frame.text[last.upperBound...].prefix { $0 != "m" }.split(separator: ":").compactMap { Int($0) }
        #expect(values.count == 3)
        for (value, wanted) in zip(values, [43, 249, 100]) { #expect(abs(value - wanted) <= 4, "\(values)") }
        // A smaller frame afterwards gets exact colours again.
        session.draw(sampleScreen())
        #expect(pty.takeOutput().contains("38:2::255:135:0"))
    }

    @Test func startingFailsWithOneClearLine() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        #expect(throws: TerminalError.unknownTerminalType("no-such-terminal")) {
            try open(pty, term: "no-such-terminal")
        }
        #expect(throws: TerminalError.noTerminalType) {
            try TerminalSession(forcedDepth: nil, environment: [:], terminal: pty.slave)
        }
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { Glibc.close(pipeEnds[0]); Glibc.close(pipeEnds[1]) }
        #expect(throws: TerminalError.self) {
            try TerminalSession(forcedDepth: nil, environment: ["TERM": "xterm"], terminal: pipeEnds[1])
        }
        #expect(TerminalError.notATerminal(stream: "stdout").description == "attnview needs a terminal: stdout is not a tty")
        #expect(TerminalError.unknownTerminalType("foo").description == "unknown terminal type 'foo'")
        // Nothing was written to the terminal by the failed starts.
        #expect(pty.takeOutput(quiet: .milliseconds(50)).isEmpty)
    }
}
