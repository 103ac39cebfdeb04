// Colours on screen are the colormap's, channel for channel: with the overlay at full strength
// every pixel of the map is one of viridis' 256 colours, and the colour bar runs from viridis(0)
// (#440154, purple) to viridis(1) (#fde725, yellow). A swap of red and blue anywhere between the
// colormap and the cell buffer fails here.
import AttnTUI
import Testing

@Test func overlayCellsCarryTheColormapsColours() {
    let model = TUIFixture.model("simam")
    var state = ViewState(width: 80, height: 24)
    state.overlay = 1.0
    let screen = render(state, model)
    let viridis = Set((0...255).map { Colormap.viridis.color(Float($0) / 255) })
    let layout = Layout(width: 80, height: 24)
    var overlayPixels = 0
    for y in (layout.main.y + 1)..<layout.main.maxY {
        for x in layout.main.x..<layout.main.maxX where screen[x, y].character == "▀" {
            #expect(viridis.contains(screen[x, y].foreground), "(\(x), \(y)) \(screen[x, y].foreground)")
            overlayPixels += 1
        }
    }
    #expect(overlayPixels > 100)
    // Swapped channels would make yellow #25e7fd, a colour viridis does not have.
    #expect(!viridis.contains(RGB(0x25, 0xe7, 0xfd)))
    let bar = (0..<80).map { screen[$0, layout.colorBar.y] }.filter { $0.character == "█" }
    #expect(bar.first?.foreground == RGB(0x44, 0x01, 0x54))
    #expect(bar.last?.foreground == RGB(0xfd, 0xe7, 0x25))
}
