// compactValue: how panels, colour bars and captions write a value: three decimals, or
// scientific notation where those would not show it.
import Foundation

public func compactValue(_ v: Float) -> String {
    if !v.isFinite { return "\(v)" }
    if abs(v) >= 1000 || (abs(v) < 0.001 && v != 0) { return String(format: "%.1e", v) }
    return String(format: "%.3f", v)
}
