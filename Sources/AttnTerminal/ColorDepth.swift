// ColorDepth: how many colours the terminal can show, decided from COLORTERM (the de facto
// truecolor signal), terminfo's RGB capability (TERM=xterm-direct and the like) and terminfo's
// colour count.

public enum ColorDepth: String, Sendable, CaseIterable {
    case truecolor
    case palette256 = "256"
    case basic16 = "16"

    /// Truecolor when COLORTERM or terminfo's RGB capability says so; else 256 when terminfo (or
    /// TERM's name) has them; else 16.
    public static func detect(environment: [String: String], terminfoColors: Int?,
                              terminfoHasRGB: Bool = false) -> ColorDepth {
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" || terminfoHasRGB { return .truecolor }
        if let colors = terminfoColors, colors >= 256 { return .palette256 }
        if terminfoColors == nil, environment["TERM"]?.contains("256color") == true { return .palette256 }
        return .basic16
    }
}
