// Reducer: key handling as a pure state update, `reduce(state, key, model) -> state`, so every key
// is tested without a terminal.

public func reduce(_ state: ViewState, _ key: Key, in model: TUIModel) -> ViewState {
    var s = state
    if case .resize = key {} else { s.message = nil }
    if let entry = s.channelEntry { return typingChannel(s, entry, key, model) }
    if let entry = s.filterEntry { return typingFilter(s, entry, key, model) }
    if s.showHelp {
        switch key {
        case .character("q"): s.quit = true
        case .resize(let w, let h): s.width = w; s.height = h
        default: s.showHelp = false   // any other key closes the help
        }
        return s
    }
    switch key {
    case .character("q"): s.quit = true
    case .character("?"): s.showHelp = true
    case .character("]"), .pageDown: s = stepLayer(s, +1, model)
    case .character("["), .pageUp: s = stepLayer(s, -1, model)
    case .home: s = selectLayer(s, model.visibleLayers(s.filter).first ?? 0, model)
    case .end: s = selectLayer(s, model.visibleLayers(s.filter).last ?? model.layerCount - 1, model)
    case .character("}"): s = selectLayer(s, model.layer(stagesAway: 1, from: s.layer, among: model.visibleLayers(s.filter)), model)
    case .character("{"): s = selectLayer(s, model.layer(stagesAway: -1, from: s.layer, among: model.visibleLayers(s.filter)), model)
    case .character("/"): s.filterEntry = s.filter ?? ""
    case .tab: s = selectView(s, s.view + 1, model)
    case .backTab: s = selectView(s, s.view - 1, model)
    case .character("+"), .character("="): s = stepChannel(s, +1, model)
    case .character("-"), .character("_"): s = stepChannel(s, -1, model)
    case .character("g"), .character("#"): if model.view(s).channelCount > 0 { s.channelEntry = "" }
    case .character("s"): s.sorted.toggle()
    case .character("c"): s.colormap = s.colormap.next()
    case .character("n"): s.normalization = s.normalization.next()
    case .character("e"): s.exportRequested = true
    case .character("o"):
        let steps = ViewState.overlaySteps
        let i = steps.firstIndex { abs($0 - s.overlay) < 1e-4 } ?? 0
        s.overlay = steps[(i + 1) % steps.count]
    case .left, .character("h"): s = moveCursor(s, dx: -1, dy: 0, model)
    case .right, .character("l"): s = moveCursor(s, dx: 1, dy: 0, model)
    case .up, .character("k"): s = moveCursor(s, dx: 0, dy: -1, model)
    case .down, .character("j"): s = moveCursor(s, dx: 0, dy: 1, model)
    case .resize(let w, let h): s.width = w; s.height = h
    default: break
    }
    return s
}

private func typingChannel(_ state: ViewState, _ entry: String, _ key: Key, _ model: TUIModel) -> ViewState {
    var s = state
    switch key {
    case .character(let c) where c.isASCII && c.isNumber && entry.count < 6: s.channelEntry = entry + String(c)
    case .backspace: s.channelEntry = String(entry.dropLast())
    case .enter:
        if let n = Int(entry) {
            let count = model.view(s).channelCount
            s.channel = min(max(0, n), max(0, count - 1))
            if n != s.channel { s.message = "no channel \(n): went to \(s.channel), the last of \(count)" }
        }
        s.channelEntry = nil
    case .escape: s.channelEntry = nil
    case .resize(let w, let h): s.width = w; s.height = h
    case .character("q"): s.channelEntry = nil; s.quit = true
    default: break
    }
    return s
}

private func typingFilter(_ state: ViewState, _ entry: String, _ key: Key, _ model: TUIModel) -> ViewState {
    var s = state
    switch key {
    case .character(let c) where entry.count < 40 && !c.isNewline: s.filterEntry = entry + String(c)
    case .backspace: s.filterEntry = String(entry.dropLast())
    case .enter:
        s.filterEntry = nil
        s.filter = entry.isEmpty ? nil : entry
        let visible = model.visibleLayers(s.filter)
        if visible.isEmpty {
            s.message = "no layer matches '\(entry)'"
            s.filter = nil
        } else if !visible.contains(s.layer) {
            s = selectLayer(s, visible[0], model)
        }
    case .escape: s.filterEntry = nil
    case .resize(let w, let h): s.width = w; s.height = h
    default: break
    }
    return s
}

/// The next (or previous) layer the filter lets through.
private func stepLayer(_ state: ViewState, _ step: Int, _ model: TUIModel) -> ViewState {
    let visible = model.visibleLayers(state.filter)
    guard let position = visible.firstIndex(of: state.layer) ?? visible.firstIndex(where: { $0 > state.layer }) else {
        return selectLayer(state, visible.last ?? state.layer, model)
    }
    return selectLayer(state, visible[min(max(0, position + step), visible.count - 1)], model)
}

private func selectLayer(_ state: ViewState, _ layer: Int, _ model: TUIModel) -> ViewState {
    var s = state
    s.layer = min(max(0, layer), model.layerCount - 1)
    // Keep the same kind of view where the new layer has it, else the first.
    let title = model.view(state).title
    s.view = model.views[s.layer].firstIndex { $0.title == title } ?? 0
    s.channel = min(s.channel, max(0, model.view(s).channelCount - 1))
    return s
}

private func selectView(_ state: ViewState, _ view: Int, _ model: TUIModel) -> ViewState {
    var s = state
    let count = model.views[s.layer].count
    s.view = ((view % count) + count) % count
    s.channel = min(s.channel, max(0, model.view(s).channelCount - 1))
    return s
}

private func stepChannel(_ state: ViewState, _ step: Int, _ model: TUIModel) -> ViewState {
    var s = state
    let count = model.view(s).channelCount
    guard count > 0 else { return s }
    s.channel = ((s.channel + step) % count + count) % count
    return s
}

/// Moves the cursor by one cell of the map under it.
private func moveCursor(_ state: ViewState, dx: Int, dy: Int, _ model: TUIModel) -> ViewState {
    var s = state
    guard model.view(s).hasCursor else { return s }
    let feature = model.run.layers[s.layer].feature
    let (h, w) = (feature.shape[2], feature.shape[3])
    let column = min(max(0, Int(s.cursorX * Float(w)) + dx), w - 1)
    let row = min(max(0, Int(s.cursorY * Float(h)) + dy), h - 1)
    s.cursorX = (Float(column) + 0.5) / Float(w)
    s.cursorY = (Float(row) + 0.5) / Float(h)
    return s
}
