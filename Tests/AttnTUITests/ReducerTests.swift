// Every key as a pure state update.
import AttnTUI
import Testing

private let cbam = TUIFixture.model("cbam")
private let start = ViewState(width: 100, height: 30)

private func press(_ keys: Key..., from state: ViewState = start, in model: TUIModel = cbam) -> ViewState {
    keys.reduce(state) { reduce($0, $1, in: model) }
}

@Test func qQuits() {
    #expect(press(.character("q")).quit)
    #expect(!press(.character("x")).quit)
}

@Test func questionMarkTogglesHelpAndAnyKeyClosesIt() {
    let open = press(.character("?"))
    #expect(open.showHelp)
    #expect(!press(.character("x"), from: open).showHelp)
    #expect(press(.character("]"), from: open).layer == 0)  // the key only closes the help
    #expect(press(.character("q"), from: open).quit)
}

@Test func bracketsAndPageKeysChangeTheLayerWithinBounds() {
    #expect(press(.character("]")).layer == 1)
    #expect(press(.pageDown, .pageDown).layer == 2)
    #expect(press(.character("[")).layer == 0)
    #expect(press(.pageUp).layer == 0)
    #expect(press(.end).layer == cbam.layerCount - 1)
    #expect(press(.end, .character("]")).layer == cbam.layerCount - 1)
    #expect(press(.end, .home).layer == 0)
}

@Test func tabAndShiftTabCycleTheViews() {
    let count = cbam.views[0].count
    #expect(count >= 2)
    #expect(press(.tab).view == 1)
    #expect(press(.backTab).view == count - 1)
    #expect(press(Array(repeating: Key.tab, count: count)).view == 0)
}

private func press(_ keys: [Key]) -> ViewState { keys.reduce(start) { reduce($0, $1, in: cbam) } }

@Test func plusAndMinusStepChannelsAndWrap() {
    let channels = cbam.view(start).channelCount
    #expect(channels == 32)
    #expect(press(.character("+")).channel == 1)
    #expect(press(.character("=")).channel == 1)
    #expect(press(.character("-")).channel == channels - 1)
    #expect(press(.character("_")).channel == channels - 1)
}

@Test func gTypesAChannelNumber() {
    #expect(press(.character("g")).channelEntry == "")
    #expect(press(.character("g"), .character("1"), .character("7"), .enter).channel == 17)
    #expect(press(.character("g"), .character("9"), .character("9"), .enter).channel == 31)  // clamped
    #expect(press(.character("g"), .character("1"), .character("2"), .backspace, .enter).channel == 1)
    let cancelled = press(.character("g"), .character("5"), .escape)
    #expect(cancelled.channel == 0 && cancelled.channelEntry == nil)
    #expect(press(.character("#"), .character("3"), .enter).channel == 3)
}

@Test func sTogglesSorting() {
    #expect(press(.character("s")).sorted)
    #expect(!press(.character("s"), .character("s")).sorted)
}

@Test func cCyclesColormapsFromViridis() {
    #expect(press(.character("c")).colormap == .magma)
    #expect(press(Array(repeating: Key.character("c"), count: 7)).colormap == .viridis)
}

@Test func nCyclesNormalisation() {
    #expect(press(.character("n")).normalization == .perLayer)
    #expect(press(.character("n"), .character("n")).normalization == .raw)
    #expect(press(.character("n"), .character("n"), .character("n")).normalization == .perMap)
}

@Test func oCyclesOverlayStrength() {
    #expect(press(.character("o")).overlay == 0.85)
    #expect(press(.character("o"), .character("o"), .character("o")).overlay == 0.0)
}

@Test func arrowsAndHjklMoveTheCursorByOneMapCell() {
    // The stem at 64 px is 32x32: the cursor starts in cell 16 (of 0...31), a step is one cell.
    let right = press(.right)
    #expect(abs(right.cursorX - 17.5 / 32) < 1e-6)
    #expect(press(.character("l")) == right)
    #expect(abs(press(.left).cursorX - 15.5 / 32) < 1e-6)
    #expect(press(.character("h")) == press(.left))
    #expect(abs(press(.down).cursorY - 17.5 / 32) < 1e-6)
    #expect(press(.character("j")) == press(.down))
    #expect(abs(press(.up).cursorY - 15.5 / 32) < 1e-6)
    #expect(press(.character("k")) == press(.up))
    let corner = press(Array(repeating: Key.left, count: 40))
    #expect(abs(corner.cursorX - 0.5 / 32) < 1e-6)
}

@Test func resizeRecordsTheNewSize() {
    let s = press(.resize(width: 40, height: 10))
    #expect(s.width == 40 && s.height == 10)
    #expect(press(.character("?"), .resize(width: 50, height: 20)).showHelp)
}

@Test func eAsksForAnExportAndTheNextKeyClearsItsMessage() {
    let asked = press(.character("e"))
    #expect(asked.exportRequested)
    #expect(!press(.character("x")).exportRequested)
    var reported = asked
    reported.exportRequested = false
    reported.message = "wrote cat_stem_spatial_viridis.png"
    #expect(render(reported, cbam).line(reported.height - 1).contains("wrote cat_stem_spatial_viridis.png"))
    #expect(press(.character("]"), from: reported).message == nil)
    #expect(press(.resize(width: 90, height: 30), from: reported).message == reported.message)
}
