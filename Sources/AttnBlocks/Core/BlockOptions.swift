// BlockOptions: the hyper-parameters given with `--set key=value`, read by each block with its
// reference default. Every key given must be read by the block, so a typo is an error, not a
// silently ignored setting.

public struct BlockOptions: Sendable, Equatable {
    public private(set) var values: [String: String]
    private var read: Set<String> = []

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses "key=value" strings, as given to --set.
    public init(assignments: [String]) throws {
        var values = [String: String]()
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw BlockError("options", "'\(assignment)' is not key=value")
            }
            values[parts[0]] = parts[1]
        }
        self.init(values)
    }

    public mutating func int(_ key: String, default value: Int, block: String) throws -> Int {
        read.insert(key)
        guard let text = values[key] else { return value }
        guard let parsed = Int(text) else { throw BlockError(block, "option \(key)=\(text) is not an integer") }
        return parsed
    }

    public mutating func float(_ key: String, default value: Float, block: String) throws -> Float {
        read.insert(key)
        guard let text = values[key] else { return value }
        guard let parsed = Float(text), parsed.isFinite else {
            throw BlockError(block, "option \(key)=\(text) is not a number")
        }
        return parsed
    }

    /// A comma-separated list whose items must be among `allowed`.
    public mutating func list(_ key: String, default value: [String], allowed: [String], block: String) throws -> [String] {
        read.insert(key)
        guard let text = values[key] else { return value }
        let items = text.split(separator: ",").map { String($0) }
        for item in items where !allowed.contains(item) {
            throw BlockError(block, "option \(key)=\(text): '\(item)' is not one of \(allowed.joined(separator: ", "))")
        }
        guard !items.isEmpty else { throw BlockError(block, "option \(key) is empty") }
        return items
    }

    public mutating func bool(_ key: String, default value: Bool, block: String) throws -> Bool {
        read.insert(key)
        guard let text = values[key] else { return value }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw BlockError(block, "option \(key)=\(text) is not true or false")
        }
    }

    /// Fails on keys that the block never read.
    public func checkAllRead(block: String, known: [String]) throws {
        for key in values.keys.sorted() where !read.contains(key) {
            let choices = known.isEmpty ? "it has none" : "its options are \(known.joined(separator: ", "))"
            throw BlockError(block, "unknown option '\(key)' (\(choices))")
        }
    }
}
