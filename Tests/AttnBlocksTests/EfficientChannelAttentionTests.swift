// ECA's traps: the k-tap Conv1d runs across the channel axis as a cross-correlation (not a flipped
// convolution) with zero padding at both ends, and an even k_size, on which the reference fails,
// is refused.
import AttnBlocks
import AttnEngine
import Foundation
import Testing

private func sigmoidOf(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

private func ecaError(_ options: [String: String]) -> String? {
    do {
        _ = try BlockRegistry.build("eca", channels: 16, options: BlockOptions(options), source: .seeded(0))
        return nil
    } catch {
        return "\(error)"
    }
}

@Test func ecaCrossCorrelatesThePooledChannelsWithZeroPadding() throws {
    let weights = ["conv.weight": Tensor(shape: [1, 1, 3], data: [1, 2, 3])]
    let built = try BlockRegistry.build("eca", channels: 4, source: .weights(WeightStore(weights).root))
    // Constant channels, so the pooled vector is p = [1, -1, 0.5, 2].
    let p: [Float] = [1, -1, 0.5, 2]
    let x = Tensor(shape: [1, 4, 1, 2], data: p.flatMap { [$0, $0] })
    let trace = Trace()
    let y = built.block.forward(x, trace: trace)
    // out[c] = 1*p[c-1] + 2*p[c] + 3*p[c+1], zeros beyond the ends: -1, 0.5, 6, 4.5.
    let expected: [Float] = [-1, 0.5, 6, 4.5].map(sigmoidOf)
    let channel = try #require(trace["channel"])
    #expect(channel.shape == [1, 4])
    for c in 0..<4 {
        #expect(abs(channel.data[c] - expected[c]) <= 1e-5, "channel \(c): \(channel.data[c]) vs \(expected[c])")
        #expect(abs(y[0, c, 0, 1] - p[c] * expected[c]) <= 1e-5)
    }
}

@Test func ecaRefusesEvenAndNonPositiveKernelSizes() {
    #expect(ecaError(["k_size": "4"]) == "eca: option k_size=4 must be an odd integer from 1 to 63 (with padding (k_size-1)//2 "
        + "an even kernel gives C-1 weights; the reference fails on it)")
    #expect(ecaError(["k_size": "0"]) == "eca: option k_size=0 must be an odd integer from 1 to 63 (with padding (k_size-1)//2 "
        + "an even kernel gives C-1 weights; the reference fails on it)")
    #expect(ecaError(["k_size": "9"]) == nil)
    #expect(ecaError(["k": "3"]) == "eca: unknown option 'k' (its options are k_size)")
}
