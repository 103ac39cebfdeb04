// ChartPainter: a per-channel vector as a bar chart: one bar per channel (in channel order, or
// by value when the view is sorted), starting at zero, coloured by value with the view's
// colormap, on an axis with labelled ticks; the top channels' numbers stand above their bars.
import AttnTUI
import Foundation

public enum ChartPainter {
    /// Where the plot sits in the figure, for readers of the PNG (and tests).
    public struct Layout: Equatable, Sendable {
        public let width: Int
        public let height: Int
        public let plotLeft: Int
        public let plotTop: Int
        public let plotHeight: Int
        /// Each bar takes `slot` pixels: slot - 1 of bar and one of gap.
        public let slot: Int
        public let count: Int
        /// The axis runs from `low` to `high` and always includes 0.
        public let low: Float
        public let high: Float

        public var plotWidth: Int { count * slot }
        /// The row of value 0 (the top edge of the bars' base).
        public var baseline: Int { y(0) }

        public func y(_ v: Float) -> Int {
            let t = (min(max(v, low), high) - low) / (high - low)
            return plotTop + plotHeight - Int((t * Float(plotHeight)).rounded())
        }
    }

    static let plotHeight = 240
    static let labelledTop = 5
    static let ink = PictureBand.ink

    public static func layout(count: Int, range: ValueRange) -> Layout {
        let slot = max(2, min(16, 1024 / max(1, count)))
        let low = min(0, range.low), high = max(0, range.high) > low ? max(0, range.high) : low + 1
        let labels = ticks(low: low, high: high).map { Canvas.textWidth(compactValue($0), scale: 1) }
        let plotLeft = 8 + (labels.max() ?? 0) + 6
        let width = max(320, plotLeft + count * slot + 12)
        let plotTop = 8 + 3 * (BitmapFont.glyphHeight + 2)
        return Layout(width: width, height: plotTop + plotHeight + 8 + BitmapFont.glyphHeight + 10, plotLeft: plotLeft,
                      plotTop: plotTop, plotHeight: plotHeight, slot: slot, count: count, low: low, high: high)
    }

    static func chart(_ values: [Float], range: ValueRange, _ state: ViewState) -> Canvas {
        let layout = layout(count: values.count, range: range)
        var canvas = Canvas(width: layout.width, height: layout.height, background: PictureBand.background)
        let order = state.sorted ? ViewValues.sortedChannels(values) : Array(values.indices)
        let zero = layout.baseline
        for (position, channel) in order.enumerated() {
            let v = values[channel]
            guard v.isFinite else { continue }
            let top = layout.y(v)
            let (from, to) = top <= zero ? (min(top, zero - (v != 0 ? 1 : 0)), zero) : (zero + 1, max(top, zero + 1) + 1)
            canvas.fill(x: layout.plotLeft + position * layout.slot, y: from, width: layout.slot - 1, height: to - from,
                        state.colormap.color(range.unit(v)))
        }
        drawAxes(into: &canvas, layout, sorted: state.sorted)
        labelTopChannels(into: &canvas, layout, values: values, order: order)
        return canvas
    }

    static func drawAxes(into canvas: inout Canvas, _ layout: Layout, sorted: Bool) {
        let right = layout.plotLeft + layout.plotWidth
        canvas.fill(x: layout.plotLeft - 2, y: layout.plotTop, width: 1, height: layout.plotHeight + 1, ink)
        canvas.fill(x: layout.plotLeft - 2, y: layout.baseline, width: right - layout.plotLeft + 2, height: 1, ink)
        for tick in ticks(low: layout.low, high: layout.high) {
            let y = layout.y(tick)
            canvas.fill(x: layout.plotLeft - 5, y: y, width: 3, height: 1, ink)
            canvas.text(compactValue(tick), right: layout.plotLeft - 7, y: y - BitmapFont.glyphHeight / 2, scale: 1, ink)
        }
        let labelY = layout.plotTop + layout.plotHeight + 8
        if sorted {
            canvas.text("channels by value", x: layout.plotLeft, y: labelY, scale: 1, PictureBand.faint)
            return
        }
        let step = niceStep(Float(layout.count) / 6, integer: true)
        var channel = 0
        while channel < layout.count {
            let x = layout.plotLeft + channel * layout.slot + (layout.slot - 1) / 2
            canvas.fill(x: x, y: layout.plotTop + layout.plotHeight + 1, width: 1, height: 3, ink)
            let text = String(channel)
            canvas.text(text, x: x - Canvas.textWidth(text, scale: 1) / 2, y: labelY, scale: 1, ink)
            channel += max(1, Int(step))
        }
    }

    /// The strongest channels' numbers above their bars, moved up a row where they would overlap.
    static func labelTopChannels(into canvas: inout Canvas, _ layout: Layout, values: [Float], order: [Int]) {
        var taken = [(x0: Int, x1: Int, y: Int)]()
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        for channel in ViewValues.sortedChannels(values).prefix(labelledTop) where values[channel].isFinite {
            let text = String(channel)
            let w = Canvas.textWidth(text, scale: 1)
            let centre = layout.plotLeft + position[channel]! * layout.slot + (layout.slot - 1) / 2
            let x0 = max(0, centre - w / 2), x1 = x0 + w
            var y = min(layout.y(values[channel]), layout.baseline) - BitmapFont.glyphHeight - 2
            while taken.contains(where: { $0.x0 <= x1 + 1 && x0 <= $0.x1 + 1 && abs($0.y - y) <= BitmapFont.glyphHeight }) {
                y -= BitmapFont.glyphHeight + 2
            }
            guard y >= 0 else { continue }
            taken.append((x0, x1, y))
            canvas.text(text, x: x0, y: y, scale: 1, ink)
        }
    }

    /// Axis ticks at a round step, 0 among them.
    static func ticks(low: Float, high: Float) -> [Float] {
        let step = niceStep((high - low) / 5, integer: false)
        var values = [Float]()
        var t = (low / step).rounded(.up) * step
        while t <= high + step * 1e-3 {
            values.append(abs(t) < step * 1e-3 ? 0 : t)
            t += step
        }
        return values
    }

    /// 1, 2 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Float, integer: Bool) -> Float {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = Float(pow(10, log10(Double(rough)).rounded(.down)))
        let step = [1, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return integer ? max(1, step.rounded(.up)) : step
    }
}
