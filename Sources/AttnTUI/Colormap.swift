// Colormap: how the heatmaps turn an attention value in 0...1 into a colour. The `c` key cycles
// through the cases in declaration order. The tables are matplotlib's (see ColormapTables.swift
// for where they come from and their licences), looked up the way matplotlib does, so a map drawn
// here shows the same colours as the same map plotted in Python.

public enum Colormap: String, CaseIterable, Sendable {
    case viridis, magma, inferno, plasma, turbo, jet, gray

    public var name: String { rawValue }

    /// The map after this one, wrapping from the last back to the first.
    public func next() -> Colormap {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return all[(i + 1) % all.count]
    }

    /// The colour of `t`, clamped to 0...1; NaN gets the low end's colour.
    public func color(_ t: Float) -> RGB {
        // NaN fails every comparison, so clamping alone would not decide where it goes.
        let x = t.isNaN ? 0 : min(max(t, 0), 1)
        guard let table = table else { return RGB(unit: x, x, x) }
        // matplotlib's ListedColormap bins 0...1 into 256 equal intervals (1 falls in the last),
        // rather than interpolating, so the same t gives the same entry here as in Python.
        return table[min(Int(x * Float(table.count)), table.count - 1)]
    }

    private var table: [RGB]? {
        switch self {
        case .viridis: Decoded.viridis
        case .magma: Decoded.magma
        case .inferno: Decoded.inferno
        case .plasma: Decoded.plasma
        case .turbo: Decoded.turbo
        case .jet: Decoded.jet
        case .gray: nil
        }
    }
}

/// Each table is decoded at first use of its map (static lets are lazy and thread-safe), so
/// start-up pays nothing for maps never shown.
private enum Decoded {
    static let viridis = decode(ColormapTables.viridis)
    static let magma = decode(ColormapTables.magma)
    static let inferno = decode(ColormapTables.inferno)
    static let plasma = decode(ColormapTables.plasma)
    static let turbo = decode(ColormapTables.turbo)
    static let jet = decode(ColormapTables.jet)

    /// RRGGBB triples; the line breaks the generator puts in for readability are skipped.
    static func decode(_ hex: String) -> [RGB] {
        let digits = hex.utf8.compactMap { c -> UInt8? in
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        precondition(digits.count == 256 * 6, "a colormap table must hold 256 RRGGBB entries")
        return stride(from: 0, to: digits.count, by: 6).map { i in
            RGB(digits[i] << 4 | digits[i + 1], digits[i + 2] << 4 | digits[i + 3], digits[i + 4] << 4 | digits[i + 5])
        }
    }
}
