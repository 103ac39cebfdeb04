// XtermPalette: xterm's 256-colour palette (16 system colours, the 6x6x6 cube, 24 grays) and the
// nearest palette entry for a 24-bit colour, for terminals without truecolor.

public enum XtermPalette {
    /// The 16 system colours with xterm's default values. Terminals let users retheme these, which
    /// is why `nearest256` never picks them.
    public static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The channel values of the 6x6x6 cube (indices 16...231).
    public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// Index 16 + 36r + 6g + b of the cube, each coordinate in 0...5.
    public static func cubeIndex(r: Int, g: Int, b: Int) -> Int { 16 + 36 * r + 6 * g + b }

    /// The colour of palette entry `index` (0...255; clamped).
    public static func color(_ index: Int) -> RGB {
        let i = max(0, min(255, index))
        if i < 16 { return system[i] }
        if i < 232 {
            let c = i - 16
            return RGB(cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
        }
        let level = UInt8(8 + 10 * (i - 232))
        return RGB(level, level, level)
    }

    /// The nearest entry among the cube and the gray ramp (16...255), so the result looks the same
    /// whatever theme the terminal gives its system colours.
    public static func nearest256(_ rgb: RGB) -> Int {
        // The distance is separable per channel, so the nearest cube entry is the nearest level of
        // each channel on its own.
        let cube = cubeIndex(r: nearestLevel(rgb.r), g: nearestLevel(rgb.g), b: nearestLevel(rgb.b))
        var best = cube
        var bestDistance = distance(rgb, color(cube))
        for gray in 232...255 {
            let d = distance(rgb, color(gray))
            if d < bestDistance { best = gray; bestDistance = d }
        }
        return best
    }

    /// The nearest of the 16 system colours (xterm's defaults): pure red is 9 (bright red), a dark
    /// red like (205, 0, 0) is 1.
    public static func nearest16(_ rgb: RGB) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in system.enumerated() {
            let d = distance(rgb, candidate)
            if d < bestDistance { best = index; bestDistance = d }
        }
        return best
    }

    /// Squared distance with the channel weights 2, 4, 3: cheap, and closer to how eyes weigh green
    /// over blue than plain Euclidean distance.
    public static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }

    private static func nearestLevel(_ value: UInt8) -> Int {
        var best = 0
        for (index, level) in cubeLevels.enumerated()
        where abs(Int(level) - Int(value)) < abs(Int(cubeLevels[best]) - Int(value)) {
            best = index
        }
        return best
    }
}
