// The TUI's loop without a terminal: `e` hands the state on screen to the exporter, says
// "exporting..." while it works, and puts what the exporter reported on the status line; keys
// that are already waiting are all applied before one frame is drawn; q stops at once, and the
// loop ends when the input does.
import AttnModels
import AttnRuntime
import AttnTUI
import Testing

/// Keys as a terminal holds them: `waiting` have arrived, `later` come one per blocking read.
private final class KeyQueue {
    var waiting: [Key]
    var later: [Key]
    var reads = 0

    init(waiting: [Key] = [], later: [Key]) { self.waiting = waiting; self.later = later }

    func read(_ wait: Bool) -> Key? {
        reads += 1
        if !waiting.isEmpty { return waiting.removeFirst() }
        guard wait, !later.isEmpty else { return nil }
        return later.removeFirst()
    }
}

@Test func eExportsTheViewOnScreenAndReportsWhereItWent() {
    let model = RuntimeFixture.model("cbam")
    let keys = KeyQueue(later: [.character("]"), .tab, .character("e"), .character("q")])
    var frames = [Screen]()
    var exported = [ViewState]()
    ViewSession.loop(
        model: model, state: ViewState(width: 100, height: 30),
        readKey: keys.read, draw: { frames.append($0) },
        export: { state in exported.append(state); return "wrote somewhere.png" })
    #expect(exported.count == 1)
    #expect(exported.first?.layer == 1 && exported.first?.view == 1)
    #expect(frames.contains { $0.line(29).contains("exporting...") })
    #expect(frames.last?.line(29).contains("wrote somewhere.png") == true)
}

@Test func keysAlreadyWaitingCostOneFrame() {
    let model = RuntimeFixture.model("cbam")
    // 300 keys at once: four layers on, two views on, the colormap round to magma, then a resize.
    let burst: [Key] = Array(repeating: .character("]"), count: 4) + [.tab, .tab]
        + Array(repeating: .character("+"), count: 290) + [.character("c"), .resize(width: 90, height: 28)]
    let keys = KeyQueue(waiting: burst, later: [])
    var frames = [Screen]()
    ViewSession.loop(model: model, state: ViewState(width: 100, height: 30), readKey: keys.read,
                     draw: { frames.append($0) }, export: { _ in "" })
    // The first frame, then the burst: one frame, unless the machine took over 50 ms for it.
    #expect(frames.count >= 2 && frames.count <= 4, "\(frames.count) frames")
    let last = frames.last!
    #expect(last.width == 90 && last.height == 28)
    var state = ViewState(width: 100, height: 30)
    for key in burst { state = reduce(state, key, in: model) }
    #expect(last == render(state, model), "the last frame shows every key of the burst")
}

@Test func qInABurstQuitsWithoutTakingTheRest() {
    let model = RuntimeFixture.model("cbam")
    let keys = KeyQueue(waiting: Array(repeating: .character("]"), count: 50) + [.character("q")]
                        + Array(repeating: .character("["), count: 1000), later: [])
    var frames = 0
    ViewSession.loop(model: model, state: ViewState(width: 100, height: 30), readKey: keys.read,
                     draw: { _ in frames += 1 }, export: { _ in "" })
    #expect(keys.waiting.count == 1000, "nothing after q is read")
    #expect(frames <= 2)
}

@Test func theLoopEndsWhenTheInputDoes() {
    let model = RuntimeFixture.model("cbam")
    let keys = KeyQueue(later: [.character("]"), .character("]")])
    var frames = [Screen]()
    ViewSession.loop(model: model, state: ViewState(width: 100, height: 30), readKey: keys.read,
                     draw: { frames.append($0) }, export: { _ in "" })
    #expect(keys.later.isEmpty && frames.count == 3, "a frame per key read while waiting, then the end")
}

@Test func eSeveralTimesAmongWaitingKeysExportsOnceTheLastView() {
    let model = RuntimeFixture.model("cbam")
    let keys = KeyQueue(waiting: [.character("e"), .character("c"), .character("e"), .character("]")],
                        later: [.character("e"), .character("q")])
    var exported = [ViewState]()
    ViewSession.loop(model: model, state: ViewState(width: 100, height: 30), readKey: keys.read,
                     draw: { _ in }, export: { exported.append($0); return "wrote" })
    #expect(exported.count == 2, "one export for the waiting keys, one for the e read later")
    #expect(exported.first?.colormap == ViewState(width: 100, height: 30).colormap.next())
    #expect(exported.first?.layer == 0, "the view at the last e, before the ]")
    #expect(exported.last?.layer == 1)
}
