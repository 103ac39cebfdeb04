// Coarser colours for frames that need more colour pairs than the terminal has.
import AttnTerminal
import AttnTUI
import Testing

@Test func roundingKeepsTheTopBitsAtTheMiddleOfTheirRange() {
    #expect(RGB(0x12, 0x34, 0x56).rounded(toBits: 8) == RGB(0x12, 0x34, 0x56))
    #expect(RGB(0x12, 0x34, 0x56).rounded(toBits: 4) == RGB(0x18, 0x38, 0x58))
    #expect(RGB(255, 0, 130).rounded(toBits: 1) == RGB(192, 64, 192))
    // Fewer bits, fewer distinct colours: 2 bits leave 4 levels per channel.
    let levels = Set((0...255).map { RGB(UInt8($0), 0, 0).rounded(toBits: 2).r })
    #expect(levels == [32, 96, 160, 224])
}
