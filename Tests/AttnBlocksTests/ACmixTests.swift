// ACmix's traps: dep_conv has no bias (the reference sets it to None), the shift-kernel init puts a
// one-hot at (i / 3, i % 3), the rates start at 0.5, the position grid runs along W in channel 0
// and along H in channel 1; and the option and size errors.
@testable import AttnBlocks
import AttnEngine
import Testing

@Test func acmixRejectsADepConvBias() throws {
    let c = try BlockFixture.cases(block: "acmix")[0]
    _ = try BlockFixture.build("acmix", c)
    var weights = c.weights
    weights["dep_conv.bias"] = Tensor(zeros: [c.input.shape[1]])
    #expect(throws: BlockError("acmix", "unexpected key 'dep_conv.bias'")) {
        try BlockRegistry.build("acmix", channels: c.input.shape[1], options: BlockOptions(c.options),
                                source: .weights(WeightStore(weights).root))
    }
}

@Test func acmixShiftKernelAndRatesInit() throws {
    let built = try BlockRegistry.build("acmix", channels: 8, source: .seeded(3))
    let block = try #require(built.block as? ACmix)
    let weight = block.depConv.weight
    #expect(weight.shape == [8, 9, 3, 3])
    #expect(block.depConv.bias == nil)
    // kernel[i, i // 3, i % 3] = 1 for every output channel (a transposed one-hot would be (i % 3, i // 3)).
    var expected = Tensor(zeros: [8, 9, 3, 3])
    for o in 0..<8 {
        for i in 0..<9 { expected[o, i, i / 3, i % 3] = 1 }
    }
    #expect(weight == expected)
    let trace = Trace()
    _ = built.block.forward(Tensor(shape: [1, 8, 4, 4], repeating: 1), trace: trace)
    #expect(trace["rate"] == Tensor(shape: [2], data: [0.5, 0.5]))
}

@Test func acmixPositionGrid() {
    let grid = ACmix.position(height: 2, width: 3)
    #expect(grid.shape == [1, 2, 2, 3])
    // Channel 0 varies along W, channel 1 along H.
    #expect(grid.data == [-1, 0, 1, -1, 0, 1] + [-1, -1, -1, 1, 1, 1])
    #expect(ACmix.linspace(5) == [-1, -0.5, 0, 0.5, 1])
}

@Test func acmixAttentionMapShape() throws {
    let built = try BlockRegistry.build("acmix", channels: 8, options: BlockOptions(["kernel_att": "3", "stride": "2"]),
                                        source: .seeded(0))
    let trace = Trace()
    let y = built.block.forward(Tensor(shape: [2, 8, 6, 4], repeating: 0.5), trace: trace)
    #expect(y.shape == [2, 8, 3, 2])
    #expect(trace["attention"]?.shape == [2, 4, 9, 3, 2])
}

@Test func acmixOptionAndSizeErrors() throws {
    func error(_ options: [String: String], channels: Int = 32) -> String? {
        do {
            _ = try BlockRegistry.build("acmix", channels: channels, options: BlockOptions(options), source: .seeded(0))
            return nil
        } catch {
            return "\(error)"
        }
    }
    #expect(error([:]) == nil)
    #expect(error([:], channels: 30) == "acmix: 30 channels are not divisible by head = 4")
    #expect(error(["head": "0"]) == "acmix: option head=0 must be an integer from 1 to 256")
    #expect(error(["kernel_att": "6"])
            == "acmix: option kernel_att=6 must be an odd integer from 1 to 31 (an even window does not keep the size)")
    #expect(error(["kernel_conv": "5"])
            == "acmix: option kernel_conv=5 must be an integer from 3 to 3 (the reference's dep_conv pads by 1, so only 3 keeps the size)")
    #expect(error(["stride": "0"]) == "acmix: option stride=0 must be an integer from 1 to 8")
    #expect(error(["dilation": "2"])
            == "acmix: unknown option 'dilation' (its options are kernel_att, head, kernel_conv, stride)")

    let strided = try BlockRegistry.build("acmix", channels: 8, options: BlockOptions(["stride": "2"]),
                                          source: .seeded(0))
    #expect(throws: BlockError("acmix", "input 7x8 is not divisible by stride 2")) {
        try strided.block.validate(height: 7, width: 8)
    }
    let tooSmall = "input 3x8 is too small: the reflection padding of 3 needs height and width above 3"
    #expect(throws: BlockError("acmix", tooSmall)) {
        try strided.block.validate(height: 3, width: 8)
    }
    try strided.block.validate(height: 4, width: 8)
}
