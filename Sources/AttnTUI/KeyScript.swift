// KeyScript: keys written as text, for screenshots without a terminal (`--keys`): each character
// is its key, and names in angle brackets stand for the others (<Tab> <BTab> <Enter> <Esc> <BS>
// <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>).

public enum KeyScript {
    static let named: [String: Key] = [
        "tab": .tab, "btab": .backTab, "enter": .enter, "esc": .escape, "bs": .backspace, "up": .up, "down": .down,
        "left": .left, "right": .right, "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end,
    ]

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func keys(_ script: String) throws(Failure) -> [Key] {
        var keys = [Key](), rest = Substring(script)
        while let c = rest.first {
            if c == "<", let close = rest.firstIndex(of: ">") {
                let name = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                guard let key = named[name] else {
                    throw Failure(description: "unknown key <\(name)> (known: \(named.keys.sorted().map { "<\($0)>" }.joined(separator: " ")))")
                }
                keys.append(key)
                rest = rest[rest.index(after: close)...]
            } else {
                keys.append(.character(c))
                rest = rest.dropFirst()
            }
        }
        return keys
    }
}
