// Terminfo: the RGB capability that direct-colour entries carry (from Debian's ncurses-term).
import AttnTerminal
import Testing

@Test func directEntriesHaveRGB() throws {
    let xterm = try #require(Terminfo.entry(terminalType: "xterm-direct"), "install ncurses-term (scripts/setup.sh)")
    #expect(xterm.hasRGB)
    #expect(xterm.colors == 1 << 24)
    #expect(Terminfo.hasRGB(terminalType: "tmux-direct") == true)
}

@Test func paletteEntriesLackRGB() {
    #expect(Terminfo.hasRGB(terminalType: "xterm-256color") == false)
    #expect(Terminfo.hasRGB(terminalType: "no-such-terminal-type") == nil)
    #expect(Terminfo.entry(terminalType: "") == nil)
}
