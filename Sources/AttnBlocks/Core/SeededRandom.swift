// SeededRandom: a small deterministic generator (SplitMix64) for the seeded initialisation of
// untrained blocks. Each parameter draws from its own stream, derived from the seed and its key,
// so one block's values do not depend on which other tensors were drawn first.
import Foundation

public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A stream for one named tensor.
    public init(seed: UInt64, key: String) {
        self.init(seed: seed ^ Self.hash(key))
    }

    /// FNV-1a of the UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        let unit = Float(next() >> 40) / Float(1 << 24)
        return low + (high - low) * unit
    }

    /// Standard normal (Box-Muller).
    public mutating func normal() -> Float {
        let u1 = max(Float(next() >> 40) / Float(1 << 24), 1e-7)
        let u2 = Float(next() >> 40) / Float(1 << 24)
        return (-2 * logf(u1)).squareRoot() * cosf(2 * Float.pi * u2)
    }
}
