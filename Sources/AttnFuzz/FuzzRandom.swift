// FuzzRandom: the fuzzer's generator (the blocks' SplitMix64, SeededRandom) with the draws a
// mutator needs, so that a run is the same sequence of inputs for the same seed on every machine,
// and a finding can be reproduced from its seed and run number.
import AttnBlocks

public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var base: SeededRandom

    public init(seed: UInt64) { base = SeededRandom(seed: seed) }

    public mutating func next() -> UInt64 { base.next() }

    /// 0 ..< bound; bound must be positive.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
