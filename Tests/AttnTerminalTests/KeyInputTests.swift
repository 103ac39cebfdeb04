// KeyInput: the bytes wgetch hands over, put together into characters. Invalid and cut-off UTF-8
// costs only its own bytes, a key ncurses recognised cuts a character short, and after any run of
// bytes at all the next q is a q.
import AttnTerminal
import AttnTUI
import Testing

private let size = (width: 80, height: 24)

private func keys(codes: [Int32]) -> [Key] {
    var input = KeyInput()
    return codes.compactMap { input.key(forCode: $0, size: size) }
}

private func keys(_ bytes: [UInt8]) -> [Key] { keys(codes: bytes.map(Int32.init)) }

@Test func charactersOfOneToFourBytes() {
    #expect(keys(Array("qé€😀".utf8)) == [.character("q"), .character("é"), .character("€"), .character("😀")])
    #expect(keys([0x1B, 0x09, 0x0D, 0x7F]) == [.escape, .tab, .enter, .backspace])
}

@Test func invalidBytesCostOnlyThemselves() {
    #expect(keys([0xFF, 0x71]) == [.character("q")], "a byte that starts nothing")
    #expect(keys([0x80, 0xBF, 0x71]) == [.character("q")], "stray continuation bytes")
    #expect(keys([0xE2, 0x82, 0x71]) == [.character("q")], "a character cut short")
    #expect(keys([0xE2, 0xE2, 0x82, 0xAC]) == [.character("€")], "a new start after a cut-off one")
    #expect(keys([0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0x71]) == [.character("q")], "overlong forms")
    #expect(keys([0xED, 0xA0, 0x80, 0x71]) == [.character("q")], "a surrogate")
    #expect(keys([0xF4, 0x90, 0x80, 0x80, 0x71]) == [.character("q")], "past U+10FFFF")
    #expect(keys([0xC2, 0x9B, 0x71]) == [.character("q")], "C1 controls are no keys")
}

@Test func aRecognisedKeyCutsACharacterShort() {
    // KEY_UP (0o403) arrives between the bytes of €.
    #expect(keys(codes: [0xE2, 0o403, 0x82, 0xAC, 0x71]) == [.up, .character("q")])
}

@Test func afterAnyBytesTheNextQIsAQ() {
    var random = SplitMix(seed: 11)
    for _ in 0..<2000 {
        var input = KeyInput()
        for _ in 0..<Int(random.next() % 40) {
            // Bytes, mostly, and now and then an ncurses key code or an unknown one.
            let value = random.next()
            let code = value % 10 == 0 ? Int32(0o400 + value % 0o300) : Int32(value % 256)
            if let key = input.key(forCode: code, size: size), case .character(let c) = key {
                #expect(c.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControl }, "\(c.unicodeScalars.map(\.value))")
            }
        }
        #expect(input.key(forCode: 0x71, size: size) == .character("q"))
    }
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control }
}
