// Below 60x18 the screen says so at every size, wrapped to the width: the size needed where it
// fits, and that q quits, where there is room for that too.
import AttnTUI
import Testing

@Test func tinyTerminalsSayTheyAreTooSmall() {
    let model = TUIFixture.model("se")
    let tiny = render(ViewState(width: 10, height: 3), model)
    #expect(tiny.text == " terminal \ntoo small:\n q quits  ", "\(tiny.text)")
    let small = render(ViewState(width: 20, height: 5), model)
    #expect(small.text.contains("terminal too small:") && small.text.contains("need 60x18") && small.text.contains("q quits"),
            "\(small.text)")
    for width in 1...70 {
        for height in 1...20 where !Layout.fits(width: width, height: height) {
            let text = render(ViewState(width: width, height: height), model).text
            #expect(text.contains(width >= 8 ? "terminal" : String("terminal".prefix(width))), "\(width)x\(height)")
            if height >= 3 && width >= 10 { #expect(text.contains("too small") && text.contains("q quits"), "\(width)x\(height)") }
        }
    }
}
