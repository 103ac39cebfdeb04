// The TUI's loop without a terminal: `e` hands the state on screen to the exporter, says
// "exporting..." while it works, and puts what the exporter reported on the status line.
import AttnModels
import AttnRuntime
import AttnTUI
import Testing

@Test func eExportsTheViewOnScreenAndReportsWhereItWent() {
    let model = RuntimeFixture.model("cbam")
    var keys: [Key] = [.character("]"), .tab, .character("e"), .character("q")]
    var frames = [Screen]()
    var exported = [ViewState]()
    ViewSession.loop(
        model: model, state: ViewState(width: 100, height: 30),
        readKey: { keys.isEmpty ? .character("q") : keys.removeFirst() },
        draw: { frames.append($0) },
        export: { state in exported.append(state); return "wrote somewhere.png" })
    #expect(exported.count == 1)
    #expect(exported.first?.layer == 1 && exported.first?.view == 1)
    #expect(frames.contains { $0.line(29).contains("exporting...") })
    #expect(frames.last?.line(29).contains("wrote somewhere.png") == true)
}
