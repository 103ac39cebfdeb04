// Triplet Attention traps: the permutations. cw sees x.permute(0,2,1,3) = (N,H,C,W) and gates the
// (C,W) plane; hc sees x.permute(0,3,2,1) = (N,W,H,C) and gates the (H,C) plane; hw gates (H,W).
// Each gate gets a one-tap kernel off the centre, so that a transposed plane or a swapped axis
// shifts the map the wrong way and the test fails; each gate's tap is different, so that a key
// loaded into the wrong gate fails too.
import AttnBlocks
import AttnEngine
import AttnTestSupport
import Foundation
import Testing

private func randomInput(_ shape: [Int], seed: UInt64) -> Tensor {
    var random = SeededRandom(seed: seed)
    return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in random.normal() })
}

/// One gate's weights: a 7x7 kernel with a single 1 at (input channel, row, col); identity BN.
private func gate(_ name: String, channel: Int, row: Int, col: Int) -> [String: Tensor] {
    var conv = Tensor(zeros: [1, 2, 7, 7])
    conv[0, channel, row, col] = 1
    return [
        "\(name).conv.conv.weight": conv,
        "\(name).conv.bn.weight": Tensor(shape: [1], data: [1]), "\(name).conv.bn.bias": Tensor(zeros: [1]),
        "\(name).conv.bn.running_mean": Tensor(zeros: [1]), "\(name).conv.bn.running_var": Tensor(shape: [1], data: [1]),
    ]
}

private func sigmoid(_ v: Float) -> Float { 1 / (1 + expf(-v)) }
private let bnScale = 1 / (1 + Float(1e-5)).squareRoot()

@Test func tripletGatesUseTheAuthorsPermutations() throws {
    // cw: tap right of centre on the max map  -> cw[c, w] = sigmoid(max over H of x[c, :, w+1])
    // hc: tap right of centre on the mean map -> hc[h, c] = sigmoid(mean over W of x[c+1, h, :])
    // hw: tap below centre on the max map     -> hw[h, w] = sigmoid(max over C of x[:, h+1, w])
    let w = gate("cw", channel: 0, row: 3, col: 4).merging(gate("hc", channel: 1, row: 3, col: 4)) { a, _ in a }
        .merging(gate("hw", channel: 0, row: 4, col: 3)) { a, _ in a }
    let built = try BlockRegistry.build("triplet", channels: 3, source: .weights(WeightStore(w).root))
    let (n, c, h, wd) = (2, 3, 4, 5)
    let x = randomInput([n, c, h, wd], seed: 9)
    let trace = Trace()
    let y = built.block.forward(x, trace: trace)
    #expect(trace.names == ["cw", "hc", "hw"])

    var cw = Tensor(zeros: [n, c, wd]), hc = Tensor(zeros: [n, h, c]), hw = Tensor(zeros: [n, h, wd])
    for b in 0..<n {
        for ch in 0..<c {
            for col in 0..<wd {
                let v = col + 1 < wd ? (0..<h).map { x[b, ch, $0, col + 1] }.max()! : 0
                cw[b, ch, col] = sigmoid(v * bnScale)
            }
        }
        for row in 0..<h {
            for ch in 0..<c {
                let v = ch + 1 < c ? (0..<wd).map { x[b, ch + 1, row, $0] }.reduce(0, +) / Float(wd) : 0
                hc[b, row, ch] = sigmoid(v * bnScale)
            }
            for col in 0..<wd {
                let v = row + 1 < h ? (0..<c).map { x[b, $0, row + 1, col] }.max()! : 0
                hw[b, row, col] = sigmoid(v * bnScale)
            }
        }
    }
    assertClose(trace["cw"]!, cw, rtol: 1e-5, atol: 1e-6, "cw (N, C, W)")
    assertClose(trace["hc"]!, hc, rtol: 1e-5, atol: 1e-6, "hc (N, H, C)")
    assertClose(trace["hw"]!, hw, rtol: 1e-5, atol: 1e-6, "hw (N, H, W)")

    var expected = Tensor(zeros: [n, c, h, wd])
    for b in 0..<n {
        for ch in 0..<c {
            for row in 0..<h {
                for col in 0..<wd {
                    let gates = hw[b, row, col] + cw[b, ch, col] + hc[b, row, ch]
                    expected[b, ch, row, col] = x[b, ch, row, col] * gates / 3
                }
            }
        }
    }
    assertClose(y, expected, rtol: 1e-5, atol: 1e-6, "1/3 (hw + cw + hc)")
}

@Test func tripletWithoutSpatialGateAveragesTwo() throws {
    let w = gate("cw", channel: 0, row: 3, col: 3).merging(gate("hc", channel: 1, row: 3, col: 3)) { a, _ in a }
    let options = BlockOptions(["no_spatial": "true"])
    let built = try BlockRegistry.build("triplet", channels: 2, options: options, source: .weights(WeightStore(w).root))
    let x = randomInput([1, 2, 3, 4], seed: 2)
    let trace = Trace()
    let y = built.block.forward(x, trace: trace)
    #expect(trace.names == ["cw", "hc"])
    let cw = trace["cw"]!.reshaped([1, 2, 1, 4]), hc = permute(trace["hc"]!.reshaped([1, 3, 2, 1]), [0, 2, 1, 3])
    assertClose(y, (x * cw + x * hc) * 0.5, rtol: 1e-5, atol: 1e-6, "1/2 (cw + hc)")
    #expect(throws: BlockError("triplet", "missing key 'hw.conv.conv.weight' (expected shape [1, 2, 7, 7])")) {
        try BlockRegistry.build("triplet", channels: 2, source: .weights(WeightStore(w).root))
    }
}

@Test func tripletKernelSizeMustBeOdd() throws {
    #expect(throws: BlockError("triplet", "option kernel_size=4 must be an odd integer from 1 to 31 (padding (k-1)/2 keeps the size)")) {
        try BlockRegistry.build("triplet", channels: 8, options: BlockOptions(["kernel_size": "4"]), source: .seeded(0))
    }
    let built = try BlockRegistry.build("triplet", channels: 8, options: BlockOptions(["kernel_size": "3"]),
                                        source: .seeded(0))
    #expect(built.parameters.first { $0.key == "hc.conv.conv.weight" }?.shape == [1, 2, 3, 3])
    #expect(built.parameterCount == 3 * (2 * 9 + 2))
}
