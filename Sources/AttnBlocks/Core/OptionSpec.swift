// OptionSpec: one hyper-parameter a block takes with --set: its key, its reference default and
// what a value must be (an integer or a number in a range, one of some words, a list of them, true
// or false). Every value given is checked against it before any block is built, so a typo or a
// value out of range fails at once, with the range in the message, instead of on every layer.
import AttnText

public struct OptionSpec: Sendable {
    public enum Kind: Sendable {
        case integer(ClosedRange<Int>, odd: Bool)
        case number(ClosedRange<Double>)
        case oneOf([String])
        case listOf([String])
        case flag
    }

    public let key: String
    public let defaultValue: String
    public let kind: Kind
    /// Why the values are limited so, where that is not obvious (appended to errors).
    public var why: String? = nil

    public static func int(_ key: String, _ value: Int, _ range: ClosedRange<Int>, odd: Bool = false, why: String? = nil) -> OptionSpec {
        OptionSpec(key: key, defaultValue: "\(value)", kind: .integer(range, odd: odd), why: why)
    }

    public static func number(_ key: String, _ value: String, _ range: ClosedRange<Double>) -> OptionSpec {
        OptionSpec(key: key, defaultValue: value, kind: .number(range))
    }

    public static func oneOf(_ key: String, _ value: String, _ allowed: [String]) -> OptionSpec {
        OptionSpec(key: key, defaultValue: value, kind: .oneOf(allowed))
    }

    public static func listOf(_ key: String, _ value: String, _ allowed: [String]) -> OptionSpec {
        OptionSpec(key: key, defaultValue: value, kind: .listOf(allowed))
    }

    public static func flag(_ key: String, _ value: Bool) -> OptionSpec {
        OptionSpec(key: key, defaultValue: "\(value)", kind: .flag)
    }

    /// What a value must be: "an integer from 1 to 1024", "one of relu, silu", ...
    public var requirement: String {
        switch kind {
        case .integer(let r, let odd): return "\(odd ? "an odd" : "an") integer from \(r.lowerBound) to \(r.upperBound)"
        case .number(let r): return "a number from \(Self.format(r.lowerBound)) to \(Self.format(r.upperBound))"
        case .oneOf(let allowed): return "one of \(allowed.joined(separator: ", "))"
        case .listOf(let allowed): return "a comma-separated list of \(allowed.joined(separator: ", "))"
        case .flag: return "true or false"
        }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e7 ? "\(Int(v))" : "\(v)"
    }

    /// The value of `text`, or the error that names the option, the value and the requirement.
    func parse(_ text: String, block: String) throws -> Value {
        func failure() -> BlockError {
            BlockError(block, "option \(key)=\(DisplayText.escaped(text)) must be \(requirement)" + (why.map { " (\($0))" } ?? ""))
        }
        switch kind {
        case .integer(let range, let odd):
            guard let v = Int(text), range.contains(v), !odd || v % 2 != 0 else { throw failure() }
            return .integer(v)
        case .number(let range):
            guard let v = Double(text), v.isFinite, range.contains(v) else { throw failure() }
            return .number(v)
        case .oneOf(let allowed):
            guard allowed.contains(text) else { throw failure() }
            return .words([text])
        case .listOf(let allowed):
            let items = text.split(separator: ",").map(String.init)
            guard !items.isEmpty, items.allSatisfy(allowed.contains) else { throw failure() }
            return .words(items)
        case .flag:
            switch text.lowercased() {
            case "1", "true", "yes", "on": return .flag(true)
            case "0", "false", "no", "off": return .flag(false)
            default: throw failure()
            }
        }
    }

    enum Value {
        case integer(Int), number(Double), words([String]), flag(Bool)
    }
}
