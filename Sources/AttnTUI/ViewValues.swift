// ViewValues: the values a view draws for a state and the range they are stretched over, decided
// here once for both renderers (cells on screen, pixels in export), so that an exported figure
// carries exactly the scale the screen showed.
import AttnEngine

/// The range a view's values are stretched over, and the drawn values' own range beside it.
public struct ViewScale: Equatable, Sendable {
    public let range: ValueRange
    public let drawn: ValueRange

    public init(range: ValueRange, drawn: ValueRange) {
        self.range = range
        self.drawn = drawn
    }
}

public enum ViewValues {
    /// Plane k of a (K, H, W) tensor, clamped to the planes there are.
    public static func plane(_ planes: Tensor, _ k: Int) -> Tensor {
        let (h, w) = (planes.shape[1], planes.shape[2])
        let index = min(max(0, k), planes.shape[0] - 1)
        return Tensor(shape: [h, w], data: Array(planes.data[(index * h * w)..<((index + 1) * h * w)]))
    }

    /// The (H, W) plane a view lays over the image for `channel`, and the values its per-layer
    /// range is taken from; nil for views that draw no plane over the image.
    public static func imagePlane(_ view: MapView, channel: Int) -> (plane: Tensor, whole: [Float])? {
        switch view.kind {
        case .overlay(_, let plane, _): return (plane, plane.data)
        case .channelOverlay(_, let planes, _): return (plane(planes, channel), planes.data)
        default: return nil
        }
    }

    public static func overlayScale(plane: Tensor, whole: [Float], _ normalization: Normalization) -> ViewScale {
        ViewScale(range: ValueRange.choose(normalization, drawn: plane.data, whole: whole), drawn: ValueRange(of: plane.data))
    }

    /// Bars are coloured over their own range, or 0...1 in raw mode (gates are sigmoids).
    public static func barRange(_ values: [Float], _ normalization: Normalization) -> ValueRange {
        normalization == .raw ? ValueRange(low: 0, high: 1) : ValueRange(of: values)
    }

    /// The axis bars stand on: from zero, through the colour range (so that a gate of 0.14 draws
    /// 0.14 of a bar, and a signed vector has its zero line inside).
    public static func barAxis(_ range: ValueRange) -> ValueRange {
        ValueRange(low: min(0, range.low), high: max(0, range.high))
    }

    public static func matrixScale(_ values: Tensor, _ normalization: Normalization) -> ViewScale {
        ViewScale(range: ValueRange.choose(normalization, drawn: values.data, whole: values.data), drawn: ValueRange(of: values.data))
    }

    /// Channels by value, largest first (ties in channel order): sorted bars, the top channels.
    public static func sortedChannels(_ values: [Float]) -> [Int] {
        values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
    }

    /// CoordAtt at channel c: a_h (H), a_w (W) and their outer product (H, W).
    public static func strips(h: Tensor, w: Tensor, channel: Int) -> (ah: [Float], aw: [Float], product: Tensor) {
        let (rows, columns) = (h.shape[1], w.shape[1])
        let c = min(channel, h.shape[0] - 1)
        let ah = Array(h.data[(c * rows)..<((c + 1) * rows)]), aw = Array(w.data[(c * columns)..<((c + 1) * columns)])
        return (ah, aw, Tensor(shape: [rows, columns], data: ah.flatMap { a in aw.map { a * $0 } }))
    }

    /// CoordAtt's two scales: the strips' (a_h and a_w) and their product's, each its own, so
    /// that neither flattens the other.
    public static func stripsScales(h: Tensor, w: Tensor, channel: Int, _ normalization: Normalization)
        -> (strips: ViewScale, product: ViewScale) {
        let (ah, aw, product) = strips(h: h, w: w, channel: channel)
        let strips = ViewScale(range: ValueRange.choose(normalization, drawn: ah + aw, whole: h.data + w.data),
                               drawn: ValueRange(of: ah + aw))
        // Per layer: every channel's product lies between the products of the extremes.
        let hRange = ValueRange(of: h.data), wRange = ValueRange(of: w.data)
        let corners = [hRange.low * wRange.low, hRange.low * wRange.high, hRange.high * wRange.low, hRange.high * wRange.high]
        let products = ViewScale(range: ValueRange.choose(normalization, drawn: product.data, whole: corners),
                                 drawn: ValueRange(of: product.data))
        return (strips, products)
    }

    /// ACmix: head's k*k attention weights of the feature position (row, column), window order.
    public static func window(_ attention: Tensor, kernel: Int, head: Int, row: Int, column: Int) -> [Float] {
        let (h, w) = (attention.shape[2], attention.shape[3])
        return (0..<(kernel * kernel)).map { attention.data[((head * kernel * kernel + $0) * h + row) * w + column] }
    }

    public static func windowScale(_ attention: Tensor, weights: [Float], _ normalization: Normalization) -> ViewScale {
        ViewScale(range: ValueRange.choose(normalization, drawn: weights, whole: attention.data), drawn: ValueRange(of: weights))
    }

    /// SPD: the names of the four phases, in the order the output concatenates them.
    public static let phaseNames = ["x[::2, ::2]", "x[1::2, ::2]", "x[::2, 1::2]", "x[1::2, 1::2]"]

    /// SPD: channel c's four phase planes.
    public static func phases(_ output: Tensor, channels: Int, channel: Int) -> [Tensor] {
        let c = min(channel, channels - 1)
        return (0..<4).map { plane(output, $0 * channels + c) }
    }

    public static func phasesScale(_ output: Tensor, planes: [Tensor], _ normalization: Normalization) -> ViewScale {
        let drawn = planes.flatMap(\.data)
        return ViewScale(range: ValueRange.choose(normalization, drawn: drawn, whole: output.data), drawn: ValueRange(of: drawn))
    }
}
