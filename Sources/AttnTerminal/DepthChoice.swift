// DepthChoice: which colour depth a session uses and which terminfo entry it starts ncurses with.
// ncurses draws 24-bit colour only through an entry with the RGB capability (xterm-direct,
// tmux-direct, ... from Debian's ncurses-term), so truecolor may mean swapping TERM's entry for
// its -direct sibling, or settling for 256 colours and saying why.

public struct DepthChoice: Equatable, Sendable {
    public var depth: ColorDepth
    /// The terminfo entry to hand to newterm.
    public var terminalType: String
    /// Why the choice differs from what was asked or from TERM, for the status line; nil when not.
    public var note: String?

    public init(depth: ColorDepth, terminalType: String, note: String? = nil) {
        self.depth = depth; self.terminalType = terminalType; self.note = note
    }

    /// The -direct entries worth trying for a terminal type, most specific first.
    public static func directVariants(of terminalType: String) -> [String] {
        let type = terminalType.lowercased()
        if type.hasSuffix("-direct") { return [terminalType] }
        var base = type
        // Peel colour-count and feature suffixes: "screen-256color-bce" -> "screen".
        let suffixes = ["-256color", "-88color", "-16color", "-color", "-truecolor", "-24bit", "-bce"]
        var peeled = true
        while peeled {
            peeled = false
            for suffix in suffixes where base.hasSuffix(suffix) && base.count > suffix.count {
                base.removeLast(suffix.count)
                peeled = true
            }
        }
        var candidates: [String] = []
        func add(_ name: String) { if !candidates.contains(name) { candidates.append(name) } }
        // tmux speaks for itself whatever TERM's name; screen* inside tmux is tmux's old default.
        if base.hasPrefix("tmux") || base.hasPrefix("screen") { add("tmux-direct") }
        // kitty's TERM is xterm-kitty, iTerm2's can be iterm2.
        if base.hasPrefix("xterm-") { add(String(base.dropFirst("xterm-".count)) + "-direct") }
        if !base.hasPrefix("tmux") && !base.hasPrefix("screen") { add(base + "-direct") }
        // Most emulators that call themselves xterm-something understand xterm's direct sequences.
        if base.hasPrefix("xterm") { add("xterm-direct") }
        return candidates
    }

    /// Chooses the depth and entry. `requested` is the forced or detected depth; `lookup` answers
    /// whether a terminal type has the RGB capability (nil when the type is unknown).
    public static func choose(requested: ColorDepth, terminalType: String,
                              hasRGB lookup: (String) -> Bool?) -> DepthChoice {
        guard requested == .truecolor else { return DepthChoice(depth: requested, terminalType: terminalType) }
        if lookup(terminalType) == true { return DepthChoice(depth: .truecolor, terminalType: terminalType) }
        let candidates = directVariants(of: terminalType)
        for candidate in candidates where candidate != terminalType && lookup(candidate) == true {
            return DepthChoice(depth: .truecolor, terminalType: candidate,
                               note: "truecolor through terminfo \(candidate)")
        }
        let tried = candidates.isEmpty ? "no -direct entry is known for \(terminalType)"
            : "no terminfo entry " + candidates.joined(separator: " or ") + " (Debian: ncurses-term)"
        return DepthChoice(depth: .palette256, terminalType: terminalType, note: "256 colours: \(tried)")
    }
}
