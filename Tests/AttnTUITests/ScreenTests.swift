// The cell buffer: clipping, text extraction.
import AttnTUI
import Testing

@Test func putClipsToTheScreenAndMaxWidth() {
    var s = Screen(width: 6, height: 2)
    s.put("hello world", x: 2, y: 0)
    s.put("abc", x: -1, y: 1, maxWidth: 3)
    s.put("ignored", x: 0, y: 5)
    #expect(s.text == "  hell\nbc    ")
}
