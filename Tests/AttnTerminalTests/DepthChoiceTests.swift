// DepthChoice: the -direct sibling of a terminal type, and when truecolor falls back to 256.
import AttnTerminal
import Testing

@Test func directVariantsOfCommonTerminalTypes() {
    #expect(DepthChoice.directVariants(of: "xterm-256color") == ["xterm-direct"])
    #expect(DepthChoice.directVariants(of: "xterm") == ["xterm-direct"])
    #expect(DepthChoice.directVariants(of: "tmux-256color") == ["tmux-direct"])
    #expect(DepthChoice.directVariants(of: "screen-256color-bce") == ["tmux-direct"])
    #expect(DepthChoice.directVariants(of: "screen.xterm-256color") == ["tmux-direct"])
    #expect(DepthChoice.directVariants(of: "xterm-kitty") == ["kitty-direct", "xterm-kitty-direct", "xterm-direct"])
    #expect(DepthChoice.directVariants(of: "vte-256color") == ["vte-direct"])
    #expect(DepthChoice.directVariants(of: "alacritty") == ["alacritty-direct"])
    #expect(DepthChoice.directVariants(of: "xterm-direct") == ["xterm-direct"])
}

@Test func paletteDepthsKeepTheTerminalType() {
    let choice = DepthChoice.choose(requested: .palette256, terminalType: "xterm-256color") { _ in
        Issue.record("no lookup needed below truecolor"); return false
    }
    #expect(choice == DepthChoice(depth: .palette256, terminalType: "xterm-256color"))
}

@Test func truecolorUsesTheTypeItselfWhenItHasRGB() {
    let choice = DepthChoice.choose(requested: .truecolor, terminalType: "xterm-direct") { $0 == "xterm-direct" }
    #expect(choice == DepthChoice(depth: .truecolor, terminalType: "xterm-direct"))
}

@Test func truecolorSwitchesToTheDirectSibling() {
    let known: [String: Bool] = ["tmux-256color": false, "tmux-direct": true]
    let choice = DepthChoice.choose(requested: .truecolor, terminalType: "tmux-256color") { known[$0] }
    #expect(choice.depth == .truecolor)
    #expect(choice.terminalType == "tmux-direct")
    #expect(choice.note?.contains("tmux-direct") == true)
}

@Test func truecolorFallsBackTo256WithoutADirectEntry() {
    let known: [String: Bool] = ["xterm-256color": false]  // as without ncurses-term
    let choice = DepthChoice.choose(requested: .truecolor, terminalType: "xterm-256color") { known[$0] }
    #expect(choice.depth == .palette256)
    #expect(choice.terminalType == "xterm-256color")
    #expect(choice.note?.contains("xterm-direct") == true)
    #expect(choice.note?.contains("ncurses-term") == true)
}

@Test func directEntryWithoutRGBIsNotUsed() {
    let known: [String: Bool] = ["foo": false, "foo-direct": false]
    let choice = DepthChoice.choose(requested: .truecolor, terminalType: "foo") { known[$0] }
    #expect(choice.depth == .palette256)
    #expect(choice.terminalType == "foo")
}
