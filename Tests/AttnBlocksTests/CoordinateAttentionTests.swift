// Coordinate Attention's traps, checked by hand: h_swish = x * relu6(x + 3) / 6 comes after bn1
// (not before it, not ReLU), and the two gates are plain sigmoids (not hard sigmoids).
import AttnBlocks
import AttnEngine
import Foundation
import Testing

private func sigmoidOf(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

private func caError(channels: Int, _ options: [String: String]) -> String? {
    do {
        _ = try BlockRegistry.build("coordatt", channels: channels, options: BlockOptions(options), source: .seeded(0))
        return nil
    } catch {
        return "\(error)"
    }
}

/// One input channel; mip = max(8, 1/32) = 8, of which only channel 0 carries anything:
/// conv1 passes the pooled value, bn1 maps v to 2v + 1, conv_h and conv_w read channel 0 alone.
private func handWeights() -> [String: Tensor] {
    let mip = 8
    func onlyFirst(_ value: Float, count: Int) -> [Float] { [value] + [Float](repeating: 0, count: count - 1) }
    return [
        "conv1.weight": Tensor(shape: [mip, 1, 1, 1], data: onlyFirst(1, count: mip)),
        "conv1.bias": Tensor(zeros: [mip]),
        "bn1.weight": Tensor(shape: [mip], data: onlyFirst(2, count: mip)),
        "bn1.bias": Tensor(shape: [mip], data: onlyFirst(1, count: mip)),
        "bn1.running_mean": Tensor(zeros: [mip]),
        // sqrt(var + eps) = 1, so bn1 is exactly 2v + 1.
        "bn1.running_var": Tensor(shape: [mip], repeating: 1 - 1e-5),
        "bn1.num_batches_tracked": Tensor(scalar: 0),
        "conv_h.weight": Tensor(shape: [1, mip, 1, 1], data: onlyFirst(1, count: mip)),
        "conv_h.bias": Tensor(zeros: [1]),
        "conv_w.weight": Tensor(shape: [1, mip, 1, 1], data: onlyFirst(1, count: mip)),
        "conv_w.bias": Tensor(zeros: [1]),
    ]
}

@Test func coordinateAttentionAppliesHSwishAfterBatchNormAndPlainSigmoids() throws {
    let built = try BlockRegistry.build("coordatt", channels: 1, source: .weights(WeightStore(handWeights()).root))
    // x = [[-2, 0], [2, 2]]: row means -1, 2; column means 0, 1.
    let x = Tensor(shape: [1, 1, 2, 2], data: [-2, 0, 2, 2])
    let trace = Trace()
    let y = built.block.forward(x, trace: trace)
    // bn1: rows -1, 5; columns 1, 3. h_swish: -1*2/6 = -1/3; 5*min(8,6)/6 = 5; 1*4/6 = 2/3; 3*6/6 = 3.
    let expectedH: [Float] = [sigmoidOf(-1.0 / 3), sigmoidOf(5)]
    let expectedW: [Float] = [sigmoidOf(2.0 / 3), sigmoidOf(3)]
    let h = try #require(trace["h"]), w = try #require(trace["w"])
    #expect(h.shape == [1, 1, 2] && w.shape == [1, 1, 2])
    for i in 0..<2 {
        #expect(abs(h.data[i] - expectedH[i]) <= 1e-5, "a_h[\(i)] = \(h.data[i]), expected \(expectedH[i])")
        #expect(abs(w.data[i] - expectedW[i]) <= 1e-5, "a_w[\(i)] = \(w.data[i]), expected \(expectedW[i])")
    }
    for row in 0..<2 {
        for col in 0..<2 {
            #expect(abs(y[0, 0, row, col] - x[0, 0, row, col] * expectedW[col] * expectedH[row]) <= 1e-5)
        }
    }
}

@Test func coordinateAttentionKeepsAtLeastEightHiddenChannels() throws {
    let small = try BlockRegistry.build("coordatt", channels: 64, source: .seeded(0))
    let large = try BlockRegistry.build("coordatt", channels: 512, source: .seeded(0))
    let reduced = try BlockRegistry.build("coordatt", channels: 48, options: BlockOptions(["reduction": "4"]),
                                          source: .seeded(0))
    #expect(small.block.settings.first { $0.key == "mip" }?.value == "8")
    #expect(large.block.settings.first { $0.key == "mip" }?.value == "16")
    #expect(reduced.block.settings.first { $0.key == "mip" }?.value == "12")
}

@Test func coordinateAttentionRejectsAZeroReduction() {
    #expect(caError(channels: 64, ["reduction": "0"]) == "coordatt: option reduction=0 must be an integer from 1 to 4096")
    #expect(caError(channels: 64, ["reduction": "-3"]) == "coordatt: option reduction=-3 must be an integer from 1 to 4096")
    #expect(caError(channels: 64, ["reduction": "64"]) == nil)
}

@Test func coordinateAttentionIsFoundByItsAlias() {
    #expect(BlockRegistry.type(named: "ca")?.info.name == "coordatt")
}
