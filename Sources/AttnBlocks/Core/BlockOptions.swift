// BlockOptions: the hyper-parameters given with `--set key=value`, read by each block through
// its OptionSpecs (the reference's default where none is given). `validate` checks every value
// given before anything is built; a block then reads its options by key, and a key it never
// reads is an error, so a typo is never a silently ignored setting.
import AttnText

public struct BlockOptions: Sendable, Equatable {
    public private(set) var values: [String: String]
    private var read: Set<String> = []
    private var block = "options"
    private var specs: [String: OptionSpec] = [:]

    public static func == (a: BlockOptions, b: BlockOptions) -> Bool { a.values == b.values }

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses "key=value" strings, as given to --set.
    public init(assignments: [String]) throws {
        var values = [String: String]()
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw BlockError("options", "\(DisplayText.quoted(assignment)) is not key=value")
            }
            values[parts[0]] = parts[1]
        }
        self.init(values)
    }

    /// Every value given is an option of the block and fits its spec.
    public func validate(_ info: BlockInfo) throws {
        for key in values.keys.sorted() {
            guard let spec = info.options.first(where: { $0.key == key }) else {
                let known = info.options.map(\.key)
                let choices = known.isEmpty ? "it has none" : "its options are \(known.joined(separator: ", "))"
                throw BlockError(info.name, "unknown option \(DisplayText.quoted(key)) (\(choices))")
            }
            _ = try spec.parse(values[key]!, block: info.name)
        }
    }

    /// Ties the options to the block about to read them.
    mutating func bind(_ info: BlockInfo) {
        block = info.name
        specs = Dictionary(uniqueKeysWithValues: info.options.map { ($0.key, $0) })
    }

    private mutating func value(_ key: String) throws -> OptionSpec.Value {
        guard let spec = specs[key] else { preconditionFailure("\(block) reads option '\(key)', which its BlockInfo does not declare") }
        read.insert(key)
        return try spec.parse(values[key] ?? spec.defaultValue, block: block)
    }

    public mutating func int(_ key: String) throws -> Int {
        guard case .integer(let v) = try value(key) else { preconditionFailure("option \(key) is not an integer option") }
        return v
    }

    public mutating func double(_ key: String) throws -> Double {
        guard case .number(let v) = try value(key) else { preconditionFailure("option \(key) is not a number option") }
        return v
    }

    public mutating func float(_ key: String) throws -> Float { Float(try double(key)) }

    /// A one-of option's word.
    public mutating func word(_ key: String) throws -> String {
        guard case .words(let v) = try value(key) else { preconditionFailure("option \(key) is not a word option") }
        return v[0]
    }

    /// A list option's words, in the order given.
    public mutating func list(_ key: String) throws -> [String] {
        guard case .words(let v) = try value(key) else { preconditionFailure("option \(key) is not a list option") }
        return v
    }

    public mutating func bool(_ key: String) throws -> Bool {
        guard case .flag(let v) = try value(key) else { preconditionFailure("option \(key) is not a flag") }
        return v
    }

    /// Fails on keys that the block never read.
    public func checkAllRead(block: String, known: [String]) throws {
        for key in values.keys.sorted() where !read.contains(key) {
            let choices = known.isEmpty ? "it has none" : "its options are \(known.joined(separator: ", "))"
            throw BlockError(block, "unknown option \(DisplayText.quoted(key)) (\(choices))")
        }
    }
}
