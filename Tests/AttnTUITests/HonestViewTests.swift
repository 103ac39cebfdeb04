// What the screen says is what it draws: channel-weight views draw the weights, bars start at
// zero (signed vectors around a zero line), constant maps say so, CoordAtt's strips and product
// have their own scales, the heading names a channel only where the main area shows one,
// parameter-free blocks are not "untrained", sorted bars keep the selection in sight, a channel
// out of range says where it went, and a long status line ends in an ellipsis.
import AttnBlocks
import AttnTUI
import Testing

private func screen(_ block: String, layer: Int, view: Int, channel: Int = 0, sorted: Bool = false,
                    width: Int = 100, height: Int = 30) -> (Screen, TUIModel, ViewState) {
    let model = TUIFixture.model(block)
    var state = ViewState(width: width, height: height, layer: layer)
    state.view = view
    state.channel = channel
    state.sorted = sorted
    return (render(state, model), model, state)
}

/// The side list's row of `channel`: its text.
private func sideRow(_ screen: Screen, channel: Int) -> String? {
    let side = Layout(width: screen.width, height: screen.height).side
    for y in (side.y + 1)..<side.maxY {
        let row = String((side.x..<side.maxX).map { screen[$0, y].character })
        if row.trimmingCharacters(in: .whitespaces).hasPrefix("\(channel) ") { return row }
    }
    return nil
}

@Test func channelWeightViewsDrawAndReadTheWeights() {
    let (s, model, state) = screen("se", layer: 3, view: 0, channel: 5)
    guard case .bars(let title, let values, _) = model.view(state).kind else { Issue.record("se's first view is not its weights"); return }
    #expect(title == "channel weights")
    // The main area is a chart of the vector: the strongest channel's column reaches the plot's top row.
    let main = Layout(width: 100, height: 30).main
    let best = values.indices.max { values[$0] < values[$1] }!
    let margin = max(compactValue(values.max()!).count, "0.000".count) + 1
    let perColumn = max(1, (values.count + main.width - margin - 1) / (main.width - margin))
    if perColumn == 1 { #expect(s[main.x + margin + best, main.y + 1].character == "█") }
    #expect(s.line(29).contains("channel 5: \(compactValue(values[5]))"), "readout: \(s.line(29))")
}

@Test func barsStartAtZero() {
    // SE's gates are all positive: the smallest still draws its share of the axis from zero.
    let (s, model, state) = screen("se", layer: 1, view: 0)
    guard case .bars(_, let values, _) = model.view(state).kind else { return }
    let low = values.indices.min { values[$0] < values[$1] }!
    let row = sideRow(s, channel: low)
    #expect(row?.contains("█") == true || row?.contains(where: { "▏▎▍▌▋▊▉".contains($0) }) == true, "row: \(row ?? "none")")
    // BAM's channel vector is signed: negative bars lie left of a zero line, positive ones right.
    let (b, bam, bamState) = screen("bam", layer: 3, view: 3)
    guard case .bars(_, let signed, _) = bam.view(bamState).kind else { Issue.record("bam's view 4 is not its channel vector"); return }
    #expect(signed.contains { $0 < 0 } && signed.contains { $0 > 0 })
    let negative = signed.firstIndex { $0 < -0.1 }!, positive = signed.firstIndex { $0 > 0.1 }!
    let neg = sideRow(b, channel: negative)!, pos = sideRow(b, channel: positive)!
    let firstBar = { (row: String) in row.firstIndex { "█▏▎▍▌▋▊▉".contains($0) }.map { row.distance(from: row.startIndex, to: $0) } ?? 0 }
    #expect(firstBar(neg) < firstBar(pos), "negative \(neg) vs positive \(pos)")
    #expect(b.text.contains("─") || b.text.contains("▏"), "no zero line")
}

@Test func constantMapsSaySo() {
    // An untrained SA gates everything by sigmoid(1), as its reference initialises it.
    let (s, _, _) = screen("sa", layer: 3, view: 0)
    #expect(s.line(28).contains("constant 0.731"), "colour bar: \(s.line(28))")
    #expect(!s.line(28).contains("1.731"))
    #expect(s.line(29).contains("constant: the reference initialises"), "status: \(s.line(29))")
    var raw = ValueRange(of: [0.5, 0.5, 0.5])
    #expect(raw.isConstant && raw.unit(0.5) == 0.5)
    raw = ValueRange(low: 0, high: 2)
    #expect(!raw.isConstant && raw.unit(1) == 0.5)
}

@Test func coordAttStripsAndProductHaveTheirOwnScales() {
    let (s, model, state) = screen("coordatt", layer: 8, view: 0)
    guard case .coordinateStrips(let h, let w) = model.view(state).kind else { Issue.record("not the strips"); return }
    let scales = ViewValues.stripsScales(h: h, w: w, channel: 0, .perMap)
    #expect(scales.strips.range != scales.product.range)
    #expect(s.line(28).contains("a_h, a_w:") && s.line(28).contains("a_h x a_w:"), "colour bars: \(s.line(28))")
}

@Test func headingsNameAChannelOnlyWhereTheMainAreaShowsOne() {
    let (spatial, _, _) = screen("cbam", layer: 2, view: 0, channel: 3)
    #expect(spatial.line(1).contains("spatial gate | view 1/3"), "heading: \(spatial.line(1))")
    let (gate, _, _) = screen("bam", layer: 2, view: 2, channel: 3)
    #expect(gate.line(1).contains("gate 1+sigmoid(c*s) | channel 3"), "heading: \(gate.line(1))")
}

@Test func parameterFreeBlocksAreNotCalledUntrained() {
    let (simam, _, _) = screen("simam", layer: 2, view: 0)
    #expect(simam.line(0).contains("simam (no parameters)"), "title: \(simam.line(0))")
    let (spd, _, _) = screen("spd", layer: 2, view: 0)
    #expect(spd.line(0).contains("spd (no parameters)"))
    let (se, _, _) = screen("se", layer: 2, view: 0)
    #expect(se.line(0).contains("se (untrained, seed 0)"))
}

@Test func sortedBarsKeepTheSelectedChannelInSight() {
    let model = TUIFixture.model("se")
    var state = ViewState(width: 100, height: 30, layer: 6)
    guard case .bars(_, let values, _) = model.view(state).kind else { return }
    let weakest = ViewValues.sortedChannels(values).last!
    state.channel = weakest
    state.sorted = true
    let s = render(state, model)
    #expect(sideRow(s, channel: weakest) != nil, "the selected (weakest) channel is not listed")
    #expect(s.text.contains("channel weights, sorted"))
}

@Test func aChannelBeyondTheLastSaysWhereItWent() {
    let model = TUIFixture.model("cbam")
    var state = ViewState(width: 100, height: 30)
    state.view = 1
    for key in [Key.character("g"), .character("9"), .character("9"), .character("9"), .enter] { state = reduce(state, key, in: model) }
    #expect(state.channel == 31)
    #expect(state.message == "no channel 999: went to 31, the last of 32")
    #expect(render(state, model).line(29).contains("no channel 999"))
}

@Test func aLongStatusLineEndsInAnEllipsis() {
    let (s, _, _) = screen("bam", layer: 2, view: 0, width: 60, height: 18)
    #expect(s.line(17).hasSuffix("…"), "status: \(s.line(17))")
}
