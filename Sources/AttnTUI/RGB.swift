// RGB: a 24-bit colour, as the renderer thinks in; the terminal backend maps it to what the
// terminal can show (truecolor, the nearest of 256, or of 16).

public struct RGB: Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r; self.g = g; self.b = b
    }

    /// From components in 0...1 (clamped).
    public init(unit r: Float, _ g: Float, _ b: Float) {
        func byte(_ v: Float) -> UInt8 { UInt8(max(0, min(255, (v * 255).rounded()))) }
        self.init(byte(r), byte(g), byte(b))
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(255, 255, 255)

    /// a*(1-t) + b*t
    public static func mix(_ a: RGB, _ b: RGB, _ t: Float) -> RGB {
        func m(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8(max(0, min(255, (Float(x) * (1 - t) + Float(y) * t).rounded()))) }
        return RGB(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b))
    }

    public var description: String { "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined() }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }
}
