// Shuffle Attention's traps, checked by hand on small inputs: the final channel shuffle sends
// channel i*C/2 + j to j*2 + i (not the inverse, not left out), the (N*G, C/G) view puts each
// group's first half through the channel gate, and the spatial GroupNorm has one group per channel.
import AttnBlocks
import AttnEngine
import Foundation
import Testing

private func sigmoidOf(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

private func gate(_ values: [Float]) -> Tensor { Tensor(shape: [1, values.count, 1, 1], data: values) }

private func buildSA(channels: Int, groups: Int, cweight: [Float], cbias: [Float], sweight: [Float],
                     sbias: [Float], gnWeight: [Float], gnBias: [Float]) throws -> BuiltBlock {
    let weights = [
        "cweight": gate(cweight), "cbias": gate(cbias), "sweight": gate(sweight), "sbias": gate(sbias),
        "gn.weight": Tensor(shape: [gnWeight.count], data: gnWeight),
        "gn.bias": Tensor(shape: [gnBias.count], data: gnBias),
    ]
    return try BlockRegistry.build("sa", channels: channels, options: BlockOptions(["groups": "\(groups)"]),
                                   source: .weights(WeightStore(weights).root))
}

private func saError(channels: Int, _ options: [String: String]) -> String? {
    do {
        _ = try BlockRegistry.build("sa", channels: channels, options: BlockOptions(options), source: .seeded(0))
        return nil
    } catch {
        return "\(error)"
    }
}

/// (1, 8, 2, 3) with every channel different in mean and spread.
private func sampleInput() -> Tensor {
    var x = Tensor(zeros: [1, 8, 2, 3])
    for c in 0..<8 {
        for h in 0..<2 {
            for w in 0..<3 { x[0, c, h, w] = Float(c) * 3 - 10 + Float(c + 1) * (Float(h * 3 + w) - 2.5) * 0.4 }
        }
    }
    return x
}

@Test func shuffleAttentionSendsChannelIOfEachHalfToSlotJTimes2PlusI() throws {
    // groups 2: group g holds channels 4g..4g+3; 4g, 4g+1 are gated by sigmoid(0) = 0.5 and
    // 4g+2, 4g+3 by sigmoid(ln 3) = 0.75, whatever the input.
    let block = try buildSA(channels: 8, groups: 2, cweight: [0, 0], cbias: [0, 0], sweight: [0, 0],
                            sbias: [logf(3), logf(3)], gnWeight: [1, 1], gnBias: [0, 0])
    let x = sampleInput()
    let y = block.block.forward(x, trace: nil)
    // Output channel k = j*2 + i comes from channel m = i*4 + j: 0,4,1,5,2,6,3,7.
    let sources = [0, 4, 1, 5, 2, 6, 3, 7]
    for k in 0..<8 {
        let m = sources[k]
        let factor: Float = m % 4 < 2 ? 0.5 : 0.75
        for h in 0..<2 {
            for w in 0..<3 {
                #expect(abs(y[0, k, h, w] - factor * x[0, m, h, w]) <= 1e-5,
                        "output channel \(k) should be channel \(m)")
            }
        }
    }
}

@Test func shuffleAttentionNormalisesEachSpatialChannelOnItsOwn() throws {
    let gnWeight: [Float] = [1.5, -0.5], gnBias: [Float] = [0.25, -0.1]
    let cweight: [Float] = [0.5, -1], cbias: [Float] = [0.1, 0.2]
    let block = try buildSA(channels: 8, groups: 2, cweight: cweight, cbias: cbias, sweight: [1, 1],
                            sbias: [0, 0], gnWeight: gnWeight, gnBias: gnBias)
    let x = sampleInput()
    let trace = Trace()
    _ = block.block.forward(x, trace: trace)
    let channel = try #require(trace["channel"]), spatial = try #require(trace["spatial"])
    #expect(channel.shape == [1, 2, 2])
    #expect(spatial.shape == [1, 2, 2, 2, 3])
    for g in 0..<2 {
        for j in 0..<2 {
            // Channel half: channel 4g+j; spatial half: channel 4g+2+j, normalised over its 6 values only.
            let pooled = (0..<6).map { x[0, 4 * g + j, $0 / 3, $0 % 3] }.reduce(0, +) / 6
            #expect(abs(channel[0, g, j] - sigmoidOf(cweight[j] * pooled + cbias[j])) <= 1e-5)
            let values = (0..<6).map { x[0, 4 * g + 2 + j, $0 / 3, $0 % 3] }
            let mu = values.reduce(0, +) / 6
            let variance = values.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / 6
            for p in 0..<6 {
                let normalized = (values[p] - mu) / (variance + 1e-5).squareRoot() * gnWeight[j] + gnBias[j]
                #expect(abs(spatial[0, g, j, p / 3, p % 3] - sigmoidOf(normalized)) <= 1e-5,
                        "group \(g), spatial channel \(j), position \(p)")
            }
        }
    }
}

@Test func untrainedShuffleAttentionGatesEverythingBySigmoidOfOne() throws {
    // The reference's init: cweight = sweight = 0, cbias = sbias = 1, GroupNorm 1/0.
    let built = try BlockRegistry.build("sa", channels: 8, options: BlockOptions(["groups": "2"]), source: .seeded(5))
    let x = sampleInput()
    let y = built.block.forward(x, trace: nil)
    let sources = [0, 4, 1, 5, 2, 6, 3, 7]
    for k in 0..<8 {
        #expect(abs(y[0, k, 1, 2] - sigmoidOf(1) * x[0, sources[k], 1, 2]) <= 1e-5)
    }
}

@Test func shuffleAttentionRejectsChannelsThatDoNotSplitIntoGroupHalves() {
    #expect(saError(channels: 48, [:]) == "sa: 48 channels are not divisible by 2*groups = 128")
    #expect(saError(channels: 12, ["groups": "4"]) == "sa: 12 channels are not divisible by 2*groups = 8")
    #expect(saError(channels: 12, ["groups": "0"]) == "sa: option groups=0 must be an integer from 1 to 4096")
    #expect(saError(channels: 128, [:]) == nil)
    #expect(saError(channels: 12, ["groups": "3"]) == nil)
}

@Test func shuffleAttentionIsFoundByItsAlias() {
    #expect(BlockRegistry.type(named: "shuffle")?.info.name == "sa")
}
