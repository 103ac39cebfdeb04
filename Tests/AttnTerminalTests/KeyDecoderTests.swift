// KeyDecoder: ncurses' key codes (written here as the numbers curses.h gives them, so a wrong
// constant fails too) and characters, as Keys.
import AttnTerminal
import AttnTUI
import Testing

private let size = (width: 80, height: 24)

private func function(_ code: Int32) -> Key? { KeyDecoder.decode(.functionKey(code), size: size) }
private func character(_ code: UInt32) -> Key? { KeyDecoder.decode(.character(code), size: size) }

@Test func arrowAndPagingKeys() {
    #expect(function(0o403) == .up)
    #expect(function(0o402) == .down)
    #expect(function(0o404) == .left)
    #expect(function(0o405) == .right)
    #expect(function(0o523) == .pageUp)
    #expect(function(0o522) == .pageDown)
    #expect(function(0o406) == .home)
    #expect(function(0o550) == .end)
    // The keypad's corners: A1 home, A3 page up, C1 end, C3 page down.
    #expect(function(0o534) == .home)
    #expect(function(0o535) == .pageUp)
    #expect(function(0o537) == .end)
    #expect(function(0o540) == .pageDown)
}

@Test func editingKeys() {
    #expect(character(9) == .tab)
    #expect(function(0o541) == .backTab)
    #expect(character(10) == .enter)
    #expect(character(13) == .enter)
    #expect(function(0o527) == .enter)
    #expect(character(27) == .escape)
    #expect(function(0o407) == .backspace)
    #expect(character(127) == .backspace)
    #expect(character(8) == .backspace)
}

@Test func resizeCarriesTheNewSize() {
    #expect(KeyDecoder.decode(.functionKey(0o632), size: (width: 132, height: 43)) == .resize(width: 132, height: 43))
}

@Test func printableCharactersPassThrough() {
    #expect(character(0x71) == .character("q"))
    #expect(character(0x2B) == .character("+"))
    #expect(character(0x20) == .character(" "))
    #expect(character(0xE9) == .character("é"))
    #expect(character(0x1F600) == .character("😀"))
}

@Test func unusedKeysAndControlCharactersAreDropped() {
    #expect(character(12) == nil)       // Ctrl-L
    #expect(character(0) == nil)
    #expect(character(0x9B) == nil)     // C1 CSI
    #expect(character(0xD800) == nil)   // a lone surrogate is no character
    #expect(function(0o410 + 5) == nil) // F5
    #expect(function(0o512) == nil)     // Delete
}
