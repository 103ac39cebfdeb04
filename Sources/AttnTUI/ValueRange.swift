// ValueRange: the interval a map's values are stretched over before the colormap, by the chosen
// normalisation, and the mapping of a value into 0...1. A constant map keeps its one value (and
// says so): every value maps to the middle of the colormap, rather than to the end of a made-up
// interval.

public struct ValueRange: Equatable, Sendable {
    public var low: Float
    public var high: Float

    public init(low: Float, high: Float) {
        self.low = low
        self.high = max(low, high)
    }

    public init(of values: some Collection<Float>) {
        var lo = Float.infinity, hi = -Float.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        if lo > hi { lo = 0; hi = 0 }
        self.init(low: lo, high: hi)
    }

    public var isConstant: Bool { high == low }

    /// `drawn` are the values on screen, `whole` the entire map at this layer.
    public static func choose(_ normalization: Normalization, drawn: some Collection<Float>, whole: some Collection<Float>) -> ValueRange {
        switch normalization {
        case .perMap: return ValueRange(of: drawn)
        case .perLayer: return ValueRange(of: whole)
        case .raw: return ValueRange(low: 0, high: 1)
        }
    }

    public func unit(_ v: Float) -> Float {
        guard v.isFinite else { return 0 }
        guard !isConstant else { return 0.5 }
        return min(1, max(0, (v - low) / (high - low)))
    }
}
