// ColorEncoding: turns the renderer's 24-bit colours into ncurses colour numbers for the depth in
// use, and back (to find the nearest existing colour pair when pairs run out).

import AttnTUI

public struct ColorEncoding: Equatable, Sendable {
    /// What colours are rounded to.
    public enum Palette: Equatable, Sendable {
        /// No colours: everything is drawn with the default pair.
        case none
        /// The system colours; `colors` is 8 on terminals without the bright half.
        case system(colors: Int)
        /// xterm's 256-colour palette.
        case xterm256
        /// Every 24-bit colour.
        case full
    }

    public let palette: Palette
    /// Colour numbers are 0xRRGGBB, as with terminfo's RGB capability (xterm-direct, ...); there
    /// a palette index would be read as a shade of blue, so palettes send their entries' RGB.
    public let rgbNumbers: Bool

    public init(palette: Palette, rgbNumbers: Bool) {
        self.palette = palette; self.rgbNumbers = rgbNumbers
    }

    public static let none = ColorEncoding(palette: .none, rgbNumbers: false)

    /// The encoding for a depth on a terminal that reports `terminalColors` colours, with or
    /// without the RGB capability.
    public static func forDepth(_ depth: ColorDepth, terminalColors: Int, rgbNumbers: Bool) -> ColorEncoding {
        if terminalColors < 8 { return .none }
        if rgbNumbers {
            let palette: Palette = switch depth {
            case .truecolor: .full
            case .palette256: .xterm256
            case .basic16: .system(colors: 16)
            }
            return ColorEncoding(palette: palette, rgbNumbers: true)
        }
        let bestPalette: Palette = terminalColors >= 256 ? .xterm256 : .system(colors: min(terminalColors, 16))
        let palette: Palette = depth == .basic16 ? .system(colors: min(terminalColors, 16)) : bestPalette
        return ColorEncoding(palette: palette, rgbNumbers: false)
    }

    /// The depth this encoding actually shows; nil without colours.
    public var depth: ColorDepth? {
        switch palette {
        case .full: .truecolor
        case .xterm256: .palette256
        case .system: .basic16
        case .none: nil
        }
    }

    /// The ncurses colour number for a colour.
    public func number(for rgb: RGB) -> Int32 {
        let index: Int
        switch palette {
        case .none: return -1
        case .full: return Self.rgbNumber(rgb)
        case .xterm256: index = XtermPalette.nearest256(rgb)
        case .system(let colors):
            // Without the bright half, bright red is still red.
            index = colors >= 16 ? XtermPalette.nearest16(rgb) : XtermPalette.nearest16(rgb) % 8
        }
        return rgbNumbers ? Self.rgbNumber(XtermPalette.color(index)) : Int32(index)
    }

    /// The colour a number stands for.
    public func rgb(for number: Int32) -> RGB {
        if palette == .none { return .black }
        guard rgbNumbers else { return XtermPalette.color(Int(number)) }
        return RGB(UInt8(truncatingIfNeeded: number >> 16), UInt8(truncatingIfNeeded: number >> 8),
                   UInt8(truncatingIfNeeded: number))
    }

    private static func rgbNumber(_ rgb: RGB) -> Int32 {
        let value = Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b)
        // Direct entries send numbers below 8 as the eight ANSI colours (setaf's "%p1%{8}%<"
        // branch), which a theme may paint anything; near-black avoids that branch.
        return value < 8 ? 0x01_01_01 : value
    }
}
