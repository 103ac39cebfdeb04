// Space-to-depth's trap: the reference concatenates x[::2, ::2], x[1::2, ::2], x[::2, 1::2],
// x[1::2, 1::2] as whole C-channel blocks, not pixel_unshuffle's per-channel (row, column) order.
// Odd sizes are refused, and the block has no options.
import AttnBlocks
import AttnEngine
import Testing

private func spd() throws -> any AttentionBlock {
    try BlockRegistry.build("spd", channels: 2, source: .seeded(0)).block
}

@Test func spdConcatenatesInTheReferenceOrder() throws {
    // Two 4x4 channels holding 0..15 and 100..115.
    let x = Tensor(shape: [1, 2, 4, 4], data: (0..<16).map(Float.init) + (0..<16).map { Float(100 + $0) })
    let y = try spd().forward(x, trace: nil)
    #expect(y.shape == [1, 8, 2, 2])
    let expected: [[Float]] = [
        [0, 2, 8, 10], [100, 102, 108, 110],      // x[::2, ::2]
        [4, 6, 12, 14], [104, 106, 112, 114],     // x[1::2, ::2]: the odd rows come second
        [1, 3, 9, 11], [101, 103, 109, 111],      // x[::2, 1::2]
        [5, 7, 13, 15], [105, 107, 113, 115],     // x[1::2, 1::2]
    ]
    #expect(y.data == Array(expected.joined()))
}

@Test func spdIsNotPixelUnshuffle() throws {
    let x = Tensor(shape: [1, 2, 4, 6], data: (0..<48).map(Float.init))
    let y = try spd().forward(x, trace: nil)
    // F.pixel_unshuffle(x, 2)[c*4 + i*2 + j] = x[c, i::2, j::2].
    var unshuffled = Tensor(zeros: [1, 8, 2, 3])
    for c in 0..<2 {
        for i in 0..<2 {
            for j in 0..<2 {
                for oy in 0..<2 {
                    for ox in 0..<3 { unshuffled[0, c * 4 + i * 2 + j, oy, ox] = x[0, c, 2 * oy + i, 2 * ox + j] }
                }
            }
        }
    }
    #expect(y.shape == unshuffled.shape)
    #expect(y != unshuffled)
    #expect(Set(y.data) == Set(unshuffled.data))  // the same values, in another channel order
}

@Test func spdRefusesOddSizesAndOptions() throws {
    let block = try spd()
    #expect(throws: BlockError("spd", "input 5x6 has an odd side: space-to-depth needs even height and width")) {
        try block.validate(height: 5, width: 6)
    }
    #expect(throws: BlockError("spd", "input 4x7 has an odd side: space-to-depth needs even height and width")) {
        try block.validate(height: 4, width: 7)
    }
    try block.validate(height: 4, width: 6)
    #expect(throws: BlockError("spd", "unknown option 'dimension' (it has none)")) {
        try BlockRegistry.build("spd", channels: 2, options: BlockOptions(["dimension": "1"]), source: .seeded(0))
    }
}
