// ColorEncoding: colour numbers for each depth, with channel order pinned (0xRRGGBB), and palette
// depths on terminals whose colour numbers are RGB.
import AttnTerminal
import AttnTUI
import Testing

private let direct = ColorEncoding(palette: .full, rgbNumbers: true)

@Test func directNumbersAreRRGGBB() {
    #expect(direct.number(for: RGB(255, 0, 0)) == 0xFF0000)
    #expect(direct.number(for: RGB(0, 0, 255)) == 0x0000FF)
    #expect(direct.number(for: RGB(0x12, 0x34, 0x56)) == 0x123456)
    #expect(direct.rgb(for: 0x123456) == RGB(0x12, 0x34, 0x56))
}

@Test func directNumbersAvoidTheEightAnsiSlots() {
    // Numbers below 8 would be sent as ANSI colours 0-7, which themes repaint.
    #expect(direct.number(for: .black) == 0x010101)
    #expect(direct.number(for: RGB(0, 0, 7)) == 0x010101)
    #expect(direct.number(for: RGB(0, 0, 8)) == 8)
}

@Test func paletteNumbersAreXtermIndices() {
    let palette256 = ColorEncoding(palette: .xterm256, rgbNumbers: false)
    #expect(palette256.number(for: RGB(255, 135, 0)) == 208)
    #expect(palette256.rgb(for: 208) == RGB(255, 135, 0))
    #expect(ColorEncoding(palette: .system(colors: 16), rgbNumbers: false).number(for: RGB(255, 0, 0)) == 9)
    #expect(ColorEncoding(palette: .system(colors: 8), rgbNumbers: false).number(for: RGB(255, 0, 0)) == 1)
    #expect(ColorEncoding(palette: .system(colors: 8), rgbNumbers: false).number(for: RGB(0, 0, 255)) == 4)
}

@Test func palettesOnRGBTerminalsSendTheEntriesColours() {
    // xterm-direct forced to 256 colours: 208 would be a dark blue there, so it is (255,135,0).
    let palette256 = ColorEncoding(palette: .xterm256, rgbNumbers: true)
    #expect(palette256.number(for: RGB(250, 140, 10)) == 0xFF8700)
    #expect(palette256.rgb(for: 0xFF8700) == RGB(255, 135, 0))
    let system16 = ColorEncoding(palette: .system(colors: 16), rgbNumbers: true)
    #expect(system16.number(for: RGB(250, 5, 5)) == 0xFF0000)
    #expect(system16.number(for: RGB(10, 0, 0)) == 0x010101)
}

@Test func encodingFollowsWhatTheTerminalHas() {
    #expect(ColorEncoding.forDepth(.truecolor, terminalColors: 1 << 24, rgbNumbers: true) == direct)
    #expect(ColorEncoding.forDepth(.truecolor, terminalColors: 256, rgbNumbers: false)
            == ColorEncoding(palette: .xterm256, rgbNumbers: false))
    #expect(ColorEncoding.forDepth(.palette256, terminalColors: 1 << 24, rgbNumbers: true)
            == ColorEncoding(palette: .xterm256, rgbNumbers: true))
    #expect(ColorEncoding.forDepth(.palette256, terminalColors: 8, rgbNumbers: false)
            == ColorEncoding(palette: .system(colors: 8), rgbNumbers: false))
    #expect(ColorEncoding.forDepth(.basic16, terminalColors: 256, rgbNumbers: false)
            == ColorEncoding(palette: .system(colors: 16), rgbNumbers: false))
    #expect(ColorEncoding.forDepth(.basic16, terminalColors: 0, rgbNumbers: false) == ColorEncoding.none)
    #expect(ColorEncoding(palette: .system(colors: 8), rgbNumbers: false).depth == .basic16)
    #expect(ColorEncoding.none.depth == nil)
}
