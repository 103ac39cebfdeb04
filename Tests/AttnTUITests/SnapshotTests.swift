// Snapshot tests: the rendered text of every view of every block, at 80x24 and 160x48, compared
// with Tests/Fixtures/snapshots/<block>-<size>.txt. To record them anew after a deliberate change:
// ATTNVIEW_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests (then review the diff).
import AttnBlocks
import AttnTestSupport
import AttnTUI
import Foundation
import Testing

/// All views of the block at layer stage2 (16x16) and, for the first view, at the stem.
func snapshot(_ block: String, width: Int, height: Int) -> String {
    let model = TUIFixture.model(block)
    var parts = [String]()
    for layer in [0, 2] {
        var state = ViewState(width: width, height: height, layer: layer)
        for view in 0..<model.views[layer].count {
            state.view = view
            state.channel = min(3, max(0, model.view(state).channelCount - 1))
            parts.append("=== layer \(layer), view \(view), channel \(state.channel)\n" + render(state, model).text)
            if layer == 0 { break }
        }
    }
    return parts.joined(separator: "\n") + "\n"
}

@Test("views render as recorded", arguments: BlockRegistry.names, [(80, 24), (160, 48)])
func viewsRenderAsRecorded(block: String, size: (Int, Int)) throws {
    let url = Fixtures.url("snapshots/\(block)-\(size.0)x\(size.1).txt")
    let actual = snapshot(block, width: size.0, height: size.1)
    if ProcessInfo.processInfo.environment["ATTNVIEW_RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("\(block) \(size.0)x\(size.1) differs from its snapshot at line \(line + 1):\n  got      \(line < a.count ? String(a[line]) : "<end>")\n  expected \(line < e.count ? String(e[line]) : "<end>")")
    }
}

/// The colours of every view of the block at stage2, 80x24: each fourth cell of each second row,
/// as foreground/background, so that a change of colormap lookup, blending or bar colour shows
/// even where the text does not change.
func colorGrid(_ block: String) -> String {
    let model = TUIFixture.model(block)
    var parts = [String]()
    var state = ViewState(width: 80, height: 24, layer: 2)
    for view in 0..<model.views[2].count {
        state.view = view
        state.channel = min(3, max(0, model.view(state).channelCount - 1))
        let screen = render(state, model)
        var lines = ["=== view \(view)"]
        for y in stride(from: 0, to: 24, by: 2) {
            lines.append(stride(from: 0, to: 80, by: 4).map { x in
                let cell = screen[x, y]
                return "\(cell.foreground)/\(cell.background)".replacingOccurrences(of: "#", with: "")
            }.joined(separator: " "))
        }
        parts.append(lines.joined(separator: "\n"))
    }
    return parts.joined(separator: "\n") + "\n"
}

@Test("colours render as recorded", arguments: BlockRegistry.names)
func colorsRenderAsRecorded(block: String) throws {
    let url = Fixtures.url("snapshots/\(block)-colors.txt")
    let actual = colorGrid(block)
    if ProcessInfo.processInfo.environment["ATTNVIEW_RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    if let line = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? (a.count == e.count ? nil : min(a.count, e.count)) {
        Issue.record("\(block) colours differ from their snapshot at line \(line + 1):\n  got      \(line < a.count ? String(a[line]) : "<end>")\n  expected \(line < e.count ? String(e[line]) : "<end>")")
    }
}

@Test func everyViewFitsAndNamesItself() {
    for block in BlockRegistry.names {
        let model = TUIFixture.model(block)
        for (layer, views) in model.views.enumerated() {
            for view in views.indices {
                var state = ViewState(width: 80, height: 24, layer: layer)
                state.view = view
                let screen = render(state, model)
                #expect(screen.line(1).contains("layers"), "\(block) layer \(layer) view \(view)")
                #expect(screen.text.contains(model.views[layer][view].title), "\(block) layer \(layer) view \(view)")
            }
        }
    }
}

@Test func tooSmallTerminalSaysSo() {
    let screen = render(ViewState(width: 40, height: 10), TUIFixture.model("se"))
    #expect(screen.text.contains("terminal too small: need 60x18"))
    #expect(screen.text.contains("q quits"))
    let tiny = render(ViewState(width: 20, height: 5), TUIFixture.model("se"))
    #expect(tiny.text.contains("terminal too sma"))
}

@Test func helpListsEveryKey() {
    var state = ViewState(width: 80, height: 24)
    state.showHelp = true
    let text = render(state, TUIFixture.model("se")).text
    for key in ["[ ]", "PgUp", "Tab", "Shift-Tab", "+ -", "g 123", "h j k l", "s ", "c ", "n ", "o ", "e ", "?", "q "] {
        #expect(text.contains(key), "help lacks \(key)")
    }
}

@Test func helpKeepsQuitOnTheSmallestScreen() {
    var state = ViewState(width: 60, height: 18)
    state.showHelp = true
    let text = render(state, TUIFixture.model("se")).text
    for key in ["q                quit", "e                export", "c                colormap", "?                this help"] {
        #expect(text.contains(key), "help at 60x18 lacks \(key)")
    }
}
