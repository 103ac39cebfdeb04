// BAM traps: the gates combine as 1 + sigmoid(channel * spatial) (a product, as the authors' code
// does, not the paper's sum); the channel pool has a kernel of H only, so on H <= W < 2H it sees
// the leftmost HxH window alone, and the sizes where the reference fails are rejected.
import AttnBlocks
import AttnEngine
import AttnTestSupport
import Foundation
import Testing

private func randomInput(_ shape: [Int], seed: UInt64) -> Tensor {
    var random = SeededRandom(seed: seed)
    return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in random.normal() })
}

@Test func bamCombinesTheGatesAsAProductNotASum() throws {
    // PyTorch's own channel and spatial maps of a fixture case, combined both ways.
    let c = try BlockFixture.cases(block: "bam").first { $0.name == "r16_batch2_nonsquare" }!
    let (n, ch, h, w) = c.input.nchw
    let channel = c.maps["channel"]!.reshaped([n, ch, 1, 1]), spatial = c.maps["spatial"]!.reshaped([n, 1, h, w])
    let product = c.input * (sigmoid(channel * spatial) + 1)
    let sum = c.input * (sigmoid(channel + spatial) + 1)
    let output = try BlockFixture.build("bam", c).block.forward(c.input, trace: nil)
    assertClose(output, product, rtol: 1e-4, atol: 1e-4, "bam output vs x * (1 + sigmoid(c * s))")
    let gap = zip(output.data, sum.data).map { abs($0 - $1) }.max()!
    #expect(gap > 0.1, "the sum form should be far from the output (largest gap \(gap))")
}

@Test func bamChannelPoolSeesOnlyTheLeftmostSquare() throws {
    let built = try BlockRegistry.build("bam", channels: 16, options: BlockOptions(["reduction": "4"]),
                                        source: .seeded(7))
    try built.block.validate(height: 4, width: 7)
    let x = randomInput([1, 16, 4, 7], seed: 1)
    var right = x, left = x
    for ch in 0..<16 {
        for row in 0..<4 {
            for col in 4..<7 { right[0, ch, row, col] += 3 }
            left[0, ch, row, 0] += 3
        }
    }
    func maps(_ input: Tensor) -> Trace {
        let trace = Trace()
        _ = built.block.forward(input, trace: trace)
        return trace
    }
    let base = maps(x), movedRight = maps(right), movedLeft = maps(left)
    // Columns 4..6 lie outside the 4x4 pooling window: the channel gate does not see them...
    #expect(base["channel"]! == movedRight["channel"]!)
    // ...while the spatial gate (convolutions over the whole plane) does, and column 0 moves both.
    #expect(base["spatial"]! != movedRight["spatial"]!)
    #expect(base["channel"]! != movedLeft["channel"]!)
}

@Test func bamRejectsTheSizesWhereTheReferenceFails() throws {
    let built = try BlockRegistry.build("bam", channels: 32, source: .seeded(0))
    for (h, w) in [(5, 5), (5, 7), (5, 9), (1, 1), (8, 15)] {
        #expect(throws: Never.self) { try built.block.validate(height: h, width: w) }
    }
    // W < H: avg_pool2d's kernel H does not fit ("Output size is too small" in PyTorch).
    do {
        try built.block.validate(height: 7, width: 5)
        Issue.record("7x5 should be rejected")
    } catch {
        #expect("\(error)".hasPrefix("bam: input 7x5 is narrower than tall"))
    }
    // W >= 2H: the pool gives floor(W/H) windows, C*floor(W/H) features for a Linear of C.
    for (h, w) in [(5, 10), (5, 12), (1, 3)] {
        do {
            try built.block.validate(height: h, width: w)
            Issue.record("\(h)x\(w) should be rejected")
        } catch {
            #expect("\(error)".contains("W must be in [H, 2H)"), "\(error)")
        }
    }
}

@Test func bamOptionsAreChecked() {
    func error(_ options: [String: String], channels: Int = 32) -> String? {
        do {
            _ = try BlockRegistry.build("bam", channels: channels, options: BlockOptions(options), source: .seeded(0))
            return nil
        } catch { return "\(error)" }
    }
    #expect(error(["dilation_conv_num": "0"]) == nil)
    #expect(error([:], channels: 8) == "bam: 8 channels with reduction 16 leave no hidden units")
    #expect(error(["dilation_conv_num": "-1"]) == "bam: option dilation_conv_num=-1 must be an integer from 0 to 16")
    #expect(error(["dilation_val": "0"]) == "bam: option dilation_val=0 must be an integer from 1 to 64")
    #expect(error(["gate_activation": "relu"])
            == "bam: unknown option 'gate_activation' (its options are reduction, dilation_conv_num, dilation_val)")
}

@Test func bamDeclaresTheAuthorsKeys() throws {
    let built = try BlockRegistry.build("bam", channels: 32, source: .seeded(0))
    let keys = built.parameters.map(\.key)
    let bn = ["weight", "bias", "running_mean", "running_var"]
    let expected = ["channel_att.gate_c.gate_c_fc_0.weight", "channel_att.gate_c.gate_c_fc_0.bias"]
        + bn.map { "channel_att.gate_c.gate_c_bn_1.\($0)" }
        + ["channel_att.gate_c.gate_c_fc_final.weight", "channel_att.gate_c.gate_c_fc_final.bias",
           "spatial_att.gate_s.gate_s_conv_reduce0.weight", "spatial_att.gate_s.gate_s_conv_reduce0.bias"]
        + bn.map { "spatial_att.gate_s.gate_s_bn_reduce0.\($0)" }
        + [0, 1].flatMap { i in
            ["spatial_att.gate_s.gate_s_conv_di_\(i).weight", "spatial_att.gate_s.gate_s_conv_di_\(i).bias"]
                + bn.map { "spatial_att.gate_s.gate_s_bn_di_\(i).\($0)" }
        }
        + ["spatial_att.gate_s.gate_s_conv_final.weight", "spatial_att.gate_s.gate_s_conv_final.bias"]
    #expect(keys == expected)
}
