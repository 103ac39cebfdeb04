// Renderer: the whole screen as a pure function of the state and the model,
// `render(state, model) -> Screen`. Panels are drawn by the pieces beside this file; this file
// decides, per view, what goes in the main view, the side panel and the colour bar.
import AttnEngine
import AttnModels
import Foundation

public func render(_ state: ViewState, _ model: TUIModel) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    guard Layout.fits(width: state.width, height: state.height) else {
        TooSmall.draw(into: &screen)
        return screen
    }
    let layout = Layout(width: state.width, height: state.height)
    Frame(state: state, model: model, layout: layout).drawAll(into: &screen)
    if state.showHelp { HelpOverlay.draw(into: &screen) }
    return screen
}

/// Below the minimum size: what is needed and how to quit, wrapped to the width and centred. On a
/// terminal too small for all of it the size needed is left out first, then "q quits", so that
/// what is wrong always shows.
enum TooSmall {
    static func draw(into screen: inout Screen) {
        let phrases = ["terminal", "too small:", "need \(Layout.minimumWidth)x\(Layout.minimumHeight)"]
        let quits = wrapped(["q quits"], width: screen.width)
        var lines = wrapped(phrases, width: screen.width)
        if lines.count + quits.count > screen.height { lines = wrapped(Array(phrases.dropLast()), width: screen.width) }
        if lines.count + quits.count <= screen.height { lines += quits }
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            screen.put(line, x: max(0, (screen.width - line.count) / 2), y: top + i)
        }
    }

    /// Phrases packed into lines of at most `width`, a phrase split into its words only where it
    /// is wider than that (and a word wider still cut by the screen's edge).
    static func wrapped(_ phrases: [String], width: Int) -> [String] {
        var lines = [String]()
        for phrase in phrases {
            for piece in phrase.count <= width ? [phrase] : phrase.split(separator: " ").map(String.init) {
                if let last = lines.last, last.count + 1 + piece.count <= width { lines[lines.count - 1] += " " + piece }
                else { lines.append(piece) }
            }
        }
        return lines
    }
}

/// One frame being drawn: the pieces that depend on the current view.
struct Frame {
    let state: ViewState
    let model: TUIModel
    let layout: Layout
    let layer: LayerTrace
    let view: MapView

    init(state: ViewState, model: TUIModel, layout: Layout) {
        self.state = state
        self.model = model
        self.layout = layout
        layer = model.run.layers[state.layer]
        view = model.view(state)
    }

    /// The cursor as a feature-map cell.
    var cursorCell: (row: Int, column: Int) {
        state.cursorCell(height: layer.feature.shape[2], width: layer.feature.shape[3])
    }

    func drawAll(into screen: inout Screen) {
        drawTitle(into: &screen)
        drawLayerList(into: &screen)
        let body = Rect(x: layout.main.x, y: layout.main.y + 1, width: layout.main.width, height: layout.main.height - 1)
        screen.put(viewHeading, x: layout.main.x, y: layout.main.y, bold: true, maxWidth: layout.main.width)
        let drawn = drawMain(into: &screen, body)
        let topRows = 6
        if layout.side.height - drawn.sideUsed > topRows {
            SidePanels.topClasses(into: &screen, rect: Rect(x: layout.side.x, y: layout.side.maxY - topRows,
                                                            width: layout.side.width, height: topRows), run: model.run)
        }
        ColorBar.draw(into: &screen, rect: layout.colorBar, scales: drawn.scales, colormap: state.colormap)
        drawStatus(into: &screen, drawn)
    }

    /// The view's title, the channel where the main area shows one, and where it is among the layer's views.
    var viewHeading: String {
        let views = model.views[state.layer]
        let label = view.mainShowsChannel ? " | \(view.channelLabel(state.channel))" : ""
        return "\(view.title)\(label) | view \(state.view + 1)/\(views.count)"
    }

    func drawTitle(into screen: inout Screen) {
        let bar = RGB(40, 60, 100)
        screen.fill(x: 0, y: 0, width: screen.width, height: 1, with: Cell(" ", background: bar))
        let shape = layer.feature.shape.dropFirst().map(String.init).joined(separator: "x")
        let run = model.run
        let what = run.isModelMode ? "\(run.block) (\(run.weightsSource))"
            : run.network == NetworkRegistry.defaultName ? "\(run.block) (\(run.weightsSource))"
            : "\(run.block) (\(run.weightsSource)) on \(run.network) (\(run.networkWeights ?? ""))"
        let text = " attnview | \(model.imageName) | \(what) | \(layer.name) \(shape) | input \(run.inputSide)px"
        screen.put(text, x: 0, y: 0, foreground: .white, background: bar, bold: true, maxWidth: screen.width)
    }

    /// The layer list: stage headings where stages hold several layers, the layers the filter
    /// lets through, scrolled so that the selected one shows.
    func drawLayerList(into screen: inout Screen) {
        let rect = layout.layers
        let visible = model.visibleLayers(state.filter)
        var rows = [(stage: String?, layer: Int?)]()
        for i in visible {
            let stage = model.run.layers[i].stage
            if model.groupsByStage && rows.last(where: { $0.layer != nil }).map({ model.run.layers[$0.layer!].stage }) != stage {
                rows.append((stage, nil))
            }
            rows.append((nil, i))
        }
        let room = rect.height - 1
        let selectedRow = rows.firstIndex { $0.layer == state.layer } ?? 0
        let first = rows.count <= room ? 0 : min(max(0, selectedRow - room / 2), rows.count - room)
        var title = state.filter.map { "layers /\($0)" } ?? "layers"
        if rows.count > room { title += " \(visible.firstIndex(of: state.layer).map { $0 + 1 } ?? 0)/\(visible.count)" }
        screen.put(title, x: rect.x + 1, y: rect.y, bold: true, maxWidth: rect.width - 1)
        for (line, row) in rows[first..<min(rows.count, first + room)].enumerated() {
            let y = rect.y + 1 + line
            guard let i = row.layer else {
                screen.put(row.stage ?? "", x: rect.x + 1, y: y, foreground: RGB(140, 160, 200), maxWidth: rect.width - 1)
                continue
            }
            let l = model.run.layers[i]
            let selected = i == state.layer
            let background = selected ? RGB(60, 60, 90) : Screen.defaultBackground
            let mark = l.error != nil ? "x" : (selected ? ">" : " ")
            let text = model.groupsByStage
                ? "\(mark) \(model.listName(i)) \(l.feature.shape[1])"
                : "\(mark)\(l.name.padding(toLength: 7, withPad: " ", startingAt: 0))\(l.feature.shape[1])ch"
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, with: Cell(" ", background: background))
            screen.put(text, x: rect.x, y: y,
                       foreground: l.error != nil ? RGB(200, 120, 120) : (selected ? .white : Screen.defaultForeground),
                       background: background, bold: selected, maxWidth: rect.width)
        }
        let hintY = rect.y + rows.count + 2
        if hintY < rect.maxY { screen.put("[ ] layer", x: rect.x + 1, y: hintY, foreground: RGB(130, 130, 130)) }
        if hintY + 1 < rect.maxY { screen.put("? help", x: rect.x + 1, y: hintY + 1, foreground: RGB(130, 130, 130)) }
    }

    func drawStatus(into screen: inout Screen, _ drawn: DrawnView) {
        var parts = [String]()
        if let entry = state.channelEntry {
            parts.append("go to channel: \(entry)_  (Enter jumps, Esc cancels)")
        } else if let entry = state.filterEntry {
            parts.append("filter layers: \(entry)_  (Enter applies, empty Enter clears, Esc cancels)")
        } else {
            if let message = state.message { parts.append(message) }
            if let readout = drawn.readout { parts.append(readout) }
            if let note = view.note, drawn.scales.contains(where: { $0.scale.drawn.isConstant }) { parts.append("constant: \(note)") }
            parts.append("norm \(state.normalization.rawValue)")
            parts.append(state.colormap.name)
            parts.append("overlay \(Int((state.overlay * 100).rounded()))%")
            let settings = layer.settings.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            if !settings.isEmpty { parts.append(settings) }
            if !layer.adjustments.isEmpty { parts.append("fitted: " + layer.adjustments.joined(separator: ", ")) }
            if let preprocessing = model.preprocessing { parts.append(preprocessing) }
            if let note = model.loadNote { parts.append(note) }
            if let note = model.colorNote { parts.append(note) }
        }
        let bar = RGB(30, 30, 30)
        screen.fill(x: 0, y: layout.status.y, width: screen.width, height: 1, with: Cell(" ", background: bar))
        screen.put(Self.fitted(" " + parts.joined(separator: " | "), width: screen.width), x: 0, y: layout.status.y, background: bar,
                   maxWidth: screen.width)
    }

    /// Text cut to `width` characters, ending in an ellipsis where it was cut.
    static func fitted(_ text: String, width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}
