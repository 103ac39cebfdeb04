// ColorPairTable: numbering up to the terminal's capacity, then the nearest defined pair.
import AttnTerminal
import AttnTUI
import Testing

private typealias Colors = ColorPairTable.Colors

@Test func definesEachCombinationOnce() {
    var table = ColorPairTable(capacity: 10)
    var calls = 0
    let define: (Int32, Colors) -> Bool = { _, _ in calls += 1; return true }
    let red = Colors(foreground: 0xFF0000, background: 0x000010)
    let blue = Colors(foreground: 0x0000FF, background: 0x000010)
    #expect(table.pair(for: red, define: define) == 1)
    #expect(table.pair(for: blue, define: define) == 2)
    #expect(table.pair(for: red, define: define) == 1)
    #expect(calls == 2)
    #expect(table.count == 2)
}

@Test func fullTableAsksForAResetThenFallsBackToTheNearest() {
    var table = ColorPairTable(capacity: 2)
    var defined: [Int32] = []
    let define: (Int32, Colors) -> Bool = { number, _ in defined.append(number); return true }
    let darkRed = Colors(foreground: 0x800000, background: 0x000008)
    let blue = Colors(foreground: 0x0000FF, background: 0x000008)
    #expect(table.pair(for: darkRed, define: define) == 1)
    #expect(table.pair(for: blue, define: define) == 2)
    let red = Colors(foreground: 0xFF0000, background: 0x000008)
    #expect(table.pair(for: red, define: define) == nil)
    #expect(table.nearestPair(for: red) { ColorEncoding(palette: .full, rgbNumbers: true).rgb(for: $0) } == 1)
    // Remembered: no second search, and an allocation is not attempted again.
    #expect(table.pair(for: red, define: { _, _ in Issue.record("defined again"); return true }) == 1)
    #expect(defined == [1, 2])
    table.removeAll()
    #expect(table.count == 0)
    // Numbers start over, within the terminal's range.
    #expect(table.pair(for: red, define: define) == 1)
    #expect(defined == [1, 2, 1])
}

@Test func failedAllocationIsNotRemembered() {
    var table = ColorPairTable(capacity: 5)
    let colors = Colors(foreground: 1, background: 2)
    #expect(table.pair(for: colors, define: { _, _ in false }) == nil)
    #expect(table.pair(for: colors, define: { _, _ in true }) == 1)
}

@Test func noPairsMeansTheDefaultPair() {
    var table = ColorPairTable(capacity: 0)
    let colors = Colors(foreground: 196, background: 21)
    #expect(table.pair(for: colors, define: { _, _ in true }) == nil)
    #expect(table.nearestPair(for: colors) { ColorEncoding(palette: .xterm256, rgbNumbers: false).rgb(for: $0) } == 0)
}
