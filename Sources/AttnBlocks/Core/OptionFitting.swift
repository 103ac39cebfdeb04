// OptionFitting: probe mode attaches one block to layers of many widths (16 to 1280 channels);
// an option that does not fit a width (SA's 64 groups on 32 channels, SE's reduction 16 on 8) is
// moved to the nearest valid value, and the change is said, so the screen can show it.

public struct FittedOptions: Sendable {
    public var options: BlockOptions
    /// One line per change: "groups 64 -> 8 (32 channels)".
    public var notes: [String] = []

    public init(_ options: BlockOptions) {
        self.options = options
    }

    func intValue(_ key: String, default value: Int) -> Int? {
        guard let text = options.values[key] else { return value }
        return Int(text)
    }

    /// Sets `key` to `value`, noting the change from `old`.
    mutating func set(_ key: String, _ value: String, from old: String, channels: Int) {
        var values = options.values
        values[key] = value
        options = BlockOptions(values)
        notes.append("\(key) \(old) -> \(value) (\(channels) channels)")
    }

    /// A reduction r with channels / r >= 1: at most the channel count.
    mutating func fitReduction(_ key: String = "reduction", default value: Int, channels: Int) {
        guard let r = intValue(key, default: value), r > channels, channels >= 1 else { return }
        set(key, "\(channels)", from: "\(r)", channels: channels)
    }

    /// The largest value <= the requested one that satisfies `valid` (down to 1).
    mutating func fitDownward(_ key: String, default value: Int, channels: Int, valid: (Int) -> Bool) {
        guard let requested = intValue(key, default: value), requested > 1, !valid(requested) else { return }
        var v = requested
        while v > 1 && !valid(v) { v -= 1 }
        if valid(v) { set(key, "\(v)", from: "\(requested)", channels: channels) }
    }
}

extension AttentionBlock {
    /// Most blocks fit any width.
    public static func fitted(channels: Int, options: BlockOptions) -> FittedOptions {
        FittedOptions(options)
    }
}
