// ColorPairTable: the colour pairs a session has defined, by (foreground, background). A frame of
// half blocks can need thousands of pairs; when the terminal has fewer, the session starts the
// table over with a full redraw, and a frame that alone needs more gets coarser colours and at
// last shares the nearest pair it has.
//
// The table numbers pairs itself (init_extended_pair) rather than through ncurses' alloc_pair:
// in ncurses 6.4, reset_color_pairs leaves alloc_pair's count of used pairs behind, after which
// alloc_pair hands out pair 0 or fails.
import AttnTUI

package struct ColorPairTable {
    package struct Colors: Hashable, Sendable {
        package var foreground: Int32
        package var background: Int32

        package init(foreground: Int32, background: Int32) {
            self.foreground = foreground; self.background = background
        }
    }

    /// How many pairs can be defined (COLOR_PAIRS less pair 0, the terminal's default).
    package let capacity: Int
    private var pairs: [Colors: Int32] = [:]
    /// Colours that found no pair of their own, with the stand-in chosen for them.
    private var substitutes: [Colors: Int32] = [:]

    package init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    package var count: Int { pairs.count }

    /// The pair for these colours, defining the next free number with `define` (false when the
    /// terminal refused); nil when the table is full. Numbers run 1, 2, ... and start over after
    /// `removeAll`, so they never exceed the capacity.
    package mutating func pair(for colors: Colors, define: (Int32, Colors) -> Bool) -> Int32? {
        if let known = pairs[colors] ?? substitutes[colors] { return known }
        guard pairs.count < capacity else { return nil }
        let number = Int32(pairs.count + 1)
        guard define(number, colors) else { return nil }
        pairs[colors] = number
        return number
    }

    /// The defined pair whose colours are nearest to these (0, the default pair, when there are
    /// none), remembered so the search runs once per colour combination.
    package mutating func nearestPair(for colors: Colors, rgb: (Int32) -> RGB) -> Int32 {
        if let known = pairs[colors] ?? substitutes[colors] { return known }
        let wantedForeground = rgb(colors.foreground), wantedBackground = rgb(colors.background)
        var best: Int32 = 0
        var bestDistance = Int.max
        for (candidate, number) in pairs {
            // The background covers more of a cell than a glyph's strokes, so it weighs double.
            let distance = XtermPalette.distance(wantedForeground, rgb(candidate.foreground))
                + 2 * XtermPalette.distance(wantedBackground, rgb(candidate.background))
            if distance < bestDistance { best = number; bestDistance = distance }
        }
        substitutes[colors] = best
        return best
    }

    /// Forgets every pair; their numbers are defined afresh as colours come.
    package mutating func removeAll() {
        pairs.removeAll(keepingCapacity: true)
        substitutes.removeAll()
    }
}
