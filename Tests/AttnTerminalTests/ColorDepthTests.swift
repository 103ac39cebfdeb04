// Colour depth detection from the environment and terminfo.
import AttnTerminal
import Testing

@Test func colortermTruecolorWins() {
    #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor", "TERM": "xterm"], terminfoColors: 8) == .truecolor)
    #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit"], terminfoColors: nil) == .truecolor)
}

@Test func terminfoColorCountDecides256Or16() {
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminfoColors: 256) == .palette256)
    #expect(ColorDepth.detect(environment: ["TERM": "xterm"], terminfoColors: 8) == .basic16)
    #expect(ColorDepth.detect(environment: ["TERM": "screen-256color"], terminfoColors: nil) == .palette256)
    #expect(ColorDepth.detect(environment: [:], terminfoColors: nil) == .basic16)
}

@Test func terminfoKnowsCommonTerminalTypes() {
    #expect(Terminfo.colorCount(terminalType: "xterm-256color") == 256)
    #expect(Terminfo.colorCount(terminalType: "xterm") == 8)
    #expect(Terminfo.colorCount(terminalType: "no-such-terminal-type") == nil)
}
