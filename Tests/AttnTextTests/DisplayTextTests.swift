// DisplayText: what file- and user-supplied text looks like inside an error message.
import AttnText
import Testing

@Suite struct DisplayTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(DisplayText.escaped("a\u{1B}[2Jb\u{07}\r\n") == "a\\x1B[2Jb\\x07\\x0D\\x0A")
        #expect(DisplayText.escaped("\u{7F}\u{9B}") == "\\x7F\\x9B")
    }

    @Test func printableTextIsKept() {
        #expect(DisplayText.escaped("layer1.0.conv1.weight") == "layer1.0.conv1.weight")
        #expect(DisplayText.escaped("café ✓") == "café ✓")
    }

    @Test func longTextIsCutAndCounted() {
        let text = String(repeating: "x", count: 100)
        #expect(DisplayText.escaped(text, limit: 10) == "xxxxxxxxxx… (90 more)")
        #expect(DisplayText.escaped(bytes: [UInt8](repeating: 0x41, count: 12), limit: 4) == "AAAA… (8 more bytes)")
    }

    @Test func rawBytesShowOnlyPrintableASCII() {
        #expect(DisplayText.escaped(bytes: [0x4F, 0x51, 0x4B, 0x00, 0x1B, 0xFF, 0x5C]) == "OQK\\x00\\x1B\\xFF\\x5C")
    }

    @Test func quotedWrapsTheEscapedText() {
        #expect(DisplayText.quoted("a\tb") == "'a\\x09b'")
    }
}
