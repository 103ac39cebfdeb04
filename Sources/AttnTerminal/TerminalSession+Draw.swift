// Drawing a Screen: only the cells that changed since the last frame go to ncurses, everything
// after a resize or when colour pairs had to start over.
import AttnTUI
import CNcursesW

extension TerminalSession {
    /// Shows `screen`, clipped to the terminal.
    public func draw(_ screen: Screen) {
        _ = withOpenScreen { window in
            var full = needsFullRedraw || previous?.width != screen.width || previous?.height != screen.height
            // Pairs are used up either by earlier frames (a reset frees them) or by this frame
            // alone (colours get coarser, fewer bits per channel, until it fits; at one bit left,
            // cells share the nearest pair). Each pass after the first repaints everything, so
            // later frames start at the precision that fitted, and full redraws at full precision.
            var bits = full ? 8 : pairBits
            var resetAlready = false
            while true {
                if full {
                    werase(window)
                    clearok(window, true)
                }
                let mode: PairMode = bits > 1 ? .define(bits: bits) : .shareNearest
                if paint(screen, on: window, everything: full, pairs: mode) { break }
                startPairsOver()
                full = true
                if resetAlready { bits -= 1 }
                resetAlready = true
            }
            pairBits = bits
            wnoutrefresh(window)
            doupdate()
            previous = screen
            needsFullRedraw = false
        }
    }

    /// Asks for a full redraw with the next frame (after the terminal was disturbed).
    public func invalidate() {
        _ = withOpenScreen { _ in needsFullRedraw = true }
    }

    private enum PairMode {
        /// Define pairs for colours rounded to this many bits per channel; fail when full.
        case define(bits: Int)
        /// Define what fits, then share the nearest pair.
        case shareNearest
    }

    /// Writes the cells that differ from the previous frame (or all); false when the colour pairs
    /// ran out, so the caller can start the frame over.
    private func paint(_ screen: Screen, on window: UnsafeMutablePointer<WINDOW>, everything: Bool,
                       pairs mode: PairMode) -> Bool {
        let width = min(screen.width, Int(getmaxx(window)))
        let height = min(screen.height, Int(getmaxy(window)))
        guard width > 0, height > 0 else { return true }
        let last = everything ? nil : previous
        let bold = attn_bold()
        var cell = cchar_t()
        for y in 0..<height {
            for x in 0..<width {
                let wanted = screen[x, y]
                if let last, last[x, y] == wanted { continue }
                guard let pair = pair(for: wanted, mode: mode) else { return false }
                setGlyph(wanted.character, attributes: wanted.bold ? bold : 0, pair: pair, into: &cell)
                // add_wchnstr neither moves the cursor nor wraps, so the bottom-right cell is safe.
                mvwadd_wchnstr(window, Int32(y), Int32(x), &cell, 1)
            }
        }
        return true
    }

    /// The colour pair for a cell; nil when the table is full.
    private func pair(for cell: Cell, mode: PairMode) -> Int32? {
        if encoding == .none { return 0 }
        let bits: Int
        switch mode {
        case .define(let kept): bits = kept
        case .shareNearest: bits = 1
        }
        let colors = ColorPairTable.Colors(
            foreground: encoding.number(for: cell.foreground.rounded(toBits: bits)),
            background: encoding.number(for: cell.background.rounded(toBits: bits)))
        if let pair = pairs.pair(for: colors, define: { init_extended_pair($0, $1.foreground, $1.background) == OK }) {
            return pair
        }
        guard case .shareNearest = mode else { return nil }
        return pairs.nearestPair(for: colors) { encoding.rgb(for: $0) }
    }

    /// Forgets all pairs so their numbers can be defined again. Redefining a pair that is on
    /// screen makes ncurses scan the whole screen for it, unless the screen is about to be
    /// cleared anyway, which it is: the frame is repainted in full.
    private func startPairsOver() {
        if let current = attn_curscr() { clearok(current, true) }
        pairs.removeAll()
    }

    private func setGlyph(_ character: Character, attributes: attr_t, pair: Int32, into cell: inout cchar_t) {
        let points = CellGlyph.codePoints(of: character) { attn_wcwidth($0) }
        for index in glyphBuffer.indices {
            glyphBuffer[index] = index < points.count ? wchar_t(bitPattern: points[index]) : 0
        }
        _ = attn_setcchar(&cell, glyphBuffer, attributes, pair)
    }
}
