// The Global Context block's traps, on weights set by hand: with both fusions the product comes
// before the sum; the LayerNorm spans the P planes of the pooled vector ([P, 1, 1]); the context
// mask is a softmax over all positions; the last conv of each fusion starts at zero; and the
// option errors.
import AttnBlocks
import AttnEngine
import Foundation
import Testing

private func gc(_ weights: [String: Tensor], channels: Int, _ options: [String: String]) throws -> BuiltBlock {
    try BlockRegistry.build("gc", channels: channels, options: BlockOptions(options),
                            source: .weights(WeightStore(weights).root))
}

/// The tensors of one fusion transform (C -> P -> C), zero unless given.
private func transform(
    _ name: String, channels c: Int, planes p: Int, expand: [Float]? = nil, normWeight: [Float]? = nil,
    normBias: [Float]? = nil, project: [Float]? = nil, projectBias: [Float]? = nil
) -> [String: Tensor] {
    func t(_ shape: [Int], _ values: [Float]?) -> Tensor {
        values.map { Tensor(shape: shape, data: $0) } ?? Tensor(zeros: shape)
    }
    return [
        "\(name).0.weight": t([p, c, 1, 1], expand), "\(name).0.bias": t([p], nil),
        "\(name).1.weight": t([p, 1, 1], normWeight), "\(name).1.bias": t([p, 1, 1], normBias),
        "\(name).3.weight": t([c, p, 1, 1], project), "\(name).3.bias": t([c], projectBias),
    ]
}

@Test func gcMultipliesFirstThenAdds() throws {
    // Zero convs: each transform gives its last bias, so mul = sigmoid(bm) and add = ba exactly.
    let bm: [Float] = [1, -2], ba: [Float] = [3, 0.5]
    var weights = transform("channel_mul_conv", channels: 2, planes: 1, projectBias: bm)
    weights.merge(transform("channel_add_conv", channels: 2, planes: 1, projectBias: ba)) { a, _ in a }
    let block = try gc(weights, channels: 2, ["ratio": "0.5", "pooling": "avg", "fusion": "add,mul"]).block
    let x = Tensor(shape: [1, 2, 1, 2], data: [1, -2, 4, 0.5])
    let trace = Trace()
    let y = block.forward(x, trace: trace)
    for c in 0..<2 {
        let gate = 1 / (1 + expf(-bm[c]))
        for i in 0..<2 {
            let v = x.data[c * 2 + i]
            #expect(abs(y.data[c * 2 + i] - (v * gate + ba[c])) < 1e-6)       // x * sigmoid(mul) + add
            #expect(abs(y.data[c * 2 + i] - (v + ba[c]) * gate) > 0.1)         // not (x + add) * sigmoid(mul)
        }
        #expect(abs(trace["channel_mul"]!.data[c] - gate) < 1e-6)
        #expect(trace["channel_add"]!.data[c] == ba[c])
    }
    #expect(trace.names == ["channel_mul", "channel_add"])
}

@Test func gcLayerNormSpansThePlanes() throws {
    // Identity convs: the hidden vector is the pooled context [3, 1]; LayerNorm([2, 1, 1]) makes
    // it [1, -1] / sqrt(1 + 1e-5), then its affine [2, 1] and [0.5, 1.5], ReLU, identity.
    let weights = transform("channel_add_conv", channels: 2, planes: 2, expand: [1, 0, 0, 1],
                            normWeight: [2, 1], normBias: [0.5, 1.5], project: [1, 0, 0, 1])
    let block = try gc(weights, channels: 2, ["ratio": "1", "pooling": "avg"]).block
    let x = Tensor(shape: [1, 2, 2, 2], data: [3, 3, 3, 3, 1, 1, 1, 1])
    let trace = Trace()
    let y = block.forward(x, trace: trace)
    let unit = 1 / (1 + Float(1e-5)).squareRoot()
    let add: [Float] = [2 * unit + 0.5, -unit + 1.5]
    // A LayerNorm over the trailing 1x1 alone would normalise every value to 0, leaving [0.5, 1.5].
    #expect(abs(trace["channel_add"]!.data[0] - add[0]) < 1e-5)
    #expect(abs(trace["channel_add"]!.data[1] - add[1]) < 1e-5)
    #expect(abs(y[0, 0, 1, 1] - (3 + add[0])) < 1e-5)
    #expect(abs(y[0, 1, 0, 0] - (1 + add[1])) < 1e-5)
}

@Test func gcContextIsASoftmaxOverAllPositions() throws {
    var weights = transform("channel_add_conv", channels: 2, planes: 1)
    weights["conv_mask.weight"] = Tensor(shape: [1, 2, 1, 1], data: [1, 0])
    weights["conv_mask.bias"] = Tensor(shape: [1], data: [0.25])
    let block = try gc(weights, channels: 2, ["ratio": "0.5"]).block
    // Channel 0 drives the mask; channel 1 is what gets pooled.
    let logits: [Float] = [0, 1, 2, -1, 0.5, 3]
    let x = Tensor(shape: [1, 2, 2, 3], data: logits + [1, 2, 3, 4, 5, 6])
    let trace = Trace()
    _ = block.forward(x, trace: trace)
    let mask = trace["context"]!
    #expect(mask.shape == [1, 2, 3])
    let total = logits.map { expf($0) }.reduce(0, +)
    for (i, logit) in logits.enumerated() {
        #expect(abs(mask.data[i] - expf(logit) / total) < 1e-6)
    }
}

@Test func gcUntrainedFusionsStartAtZero() throws {
    // last_zero_init: whatever the seed, the add term is 0 and the mul gate 0.5 at first, while the
    // kaiming-initialised conv_mask gives a non-uniform context.
    let x = Tensor(shape: [1, 4, 3, 2], data: (0..<24).map { Float($0 % 7) - 3 })
    for seed: UInt64 in [0, 1] {
        let options = BlockOptions(["ratio": "0.5", "fusion": "add,mul"])
        let built = try BlockRegistry.build("gc", channels: 4, options: options, source: .seeded(seed))
        let trace = Trace()
        let y = built.block.forward(x, trace: trace)
        #expect(y == x * 0.5)
        #expect(trace["channel_add"]!.data.allSatisfy { $0 == 0 })
        #expect(Set(trace["context"]!.data).count > 1)
    }
}

@Test func gcDeclaresTheReferenceKeys() throws {
    let built = try BlockRegistry.build("gcnet", channels: 32, options: BlockOptions(["fusion": "mul,add"]),
                                        source: .seeded(0))
    let keys = built.parameters.map(\.key)
    #expect(keys == ["conv_mask.weight", "conv_mask.bias"]
            + ["channel_add_conv", "channel_mul_conv"].flatMap { name in
                ["0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias"].map { "\(name).\($0)" }
            })
    #expect(built.parameters.first { $0.key == "channel_add_conv.1.weight" }!.shape == [2, 1, 1])
    let avg = try BlockRegistry.build("gc", channels: 32, options: BlockOptions(["pooling": "avg"]), source: .seeded(0))
    #expect(!avg.parameters.contains { $0.key.hasPrefix("conv_mask") })
}

@Test func gcOptionErrors() {
    func error(_ options: [String: String], channels: Int = 32) -> String? {
        do {
            _ = try BlockRegistry.build("gc", channels: channels, options: BlockOptions(options), source: .seeded(0))
            return nil
        } catch {
            return "\(error)"
        }
    }
    #expect(error([:]) == nil)
    #expect(error(["ratio": "0.01"]) == "gc: 32 channels with ratio 0.01 leave no planes (int(C * ratio) = 0)")
    #expect(error(["ratio": "0"]) == "gc: option ratio=0 must be a number from 0.001 to 4")
    #expect(error(["pooling": "max"]) == "gc: option pooling=max must be one of att, avg")
    #expect(error(["pooling": "att,avg"]) == "gc: option pooling=att,avg must be one of att, avg")
    #expect(error(["fusion": "concat"]) == "gc: option fusion=concat must be a comma-separated list of add, mul")
    #expect(error(["reduction": "16"]) == "gc: unknown option 'reduction' (its options are ratio, pooling, fusion)")
}
