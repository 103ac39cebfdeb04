// CBAM traps: the spatial pool concatenates max THEN mean over channels (a weight on the first
// input channel of the 7x7 conv reads the max); the conv is followed by BatchNorm with eps 1e-5
// and no ReLU; no_spatial drops the spatial gate, its keys and its map.
import AttnBlocks
import AttnEngine
import AttnTestSupport
import Foundation
import Testing

private let channels = 4

private func randomInput(_ shape: [Int], seed: UInt64) -> Tensor {
    var random = SeededRandom(seed: seed)
    return Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in random.normal() })
}

/// CBAM weights whose channel gate is sigmoid(0) = 0.5 everywhere and whose 7x7 conv is a single
/// centre tap of 1 on input channel `tapChannel` (0 = the first pooled map).
private func weights(tapChannel: Int, bn: (weight: Float, bias: Float, mean: Float, variance: Float) = (1, 0, 0, 1))
    -> [String: Tensor]
{
    var conv = Tensor(zeros: [1, 2, 7, 7])
    conv[0, tapChannel, 3, 3] = 1
    return [
        "ChannelGate.mlp.1.weight": Tensor(zeros: [2, channels]), "ChannelGate.mlp.1.bias": Tensor(zeros: [2]),
        "ChannelGate.mlp.3.weight": Tensor(zeros: [channels, 2]), "ChannelGate.mlp.3.bias": Tensor(zeros: [channels]),
        "SpatialGate.spatial.conv.weight": conv,
        "SpatialGate.spatial.bn.weight": Tensor(shape: [1], data: [bn.weight]),
        "SpatialGate.spatial.bn.bias": Tensor(shape: [1], data: [bn.bias]),
        "SpatialGate.spatial.bn.running_mean": Tensor(shape: [1], data: [bn.mean]),
        "SpatialGate.spatial.bn.running_var": Tensor(shape: [1], data: [bn.variance]),
        "SpatialGate.spatial.bn.num_batches_tracked": Tensor(zeros: [1]),
    ]
}

private func spatialMap(_ w: [String: Tensor], _ x: Tensor) throws -> Tensor {
    let built = try BlockRegistry.build("cbam", channels: channels, options: BlockOptions(["reduction": "2"]),
                                        source: .weights(WeightStore(w).root))
    let trace = Trace()
    _ = built.block.forward(x, trace: trace)
    return trace["spatial"]!
}

/// sigmoid(bn(f over channels of 0.5 * x)) per pixel, f = max or mean: (N, H, W).
private func expected(_ x: Tensor, max useMax: Bool, scale: Float, shift: Float) -> Tensor {
    let (n, c, h, w) = x.nchw
    var out = Tensor(zeros: [n, h, w])
    for b in 0..<n {
        for i in 0..<h {
            for j in 0..<w {
                let values = (0..<c).map { 0.5 * x[b, $0, i, j] }
                let pooled = useMax ? values.max()! : values.reduce(0, +) / Float(c)
                out[b, i, j] = 1 / (1 + expf(-(pooled * scale + shift)))
            }
        }
    }
    return out
}

@Test func cbamSpatialPoolIsMaxThenMean() throws {
    let x = randomInput([2, channels, 5, 6], seed: 3)
    let onFirst = try spatialMap(weights(tapChannel: 0), x)
    let onSecond = try spatialMap(weights(tapChannel: 1), x)
    let s = 1 / (1 + Float(1e-5)).squareRoot()
    // The authors' order: input channel 0 of the conv is the max over channels, 1 the mean.
    assertClose(onFirst, expected(x, max: true, scale: s, shift: 0), rtol: 1e-5, atol: 1e-6, "tap on channel 0")
    assertClose(onSecond, expected(x, max: false, scale: s, shift: 0), rtol: 1e-5, atol: 1e-6, "tap on channel 1")
    // Swapping the two input channels of the weight moves the map down: max > mean at every pixel.
    #expect(zip(onFirst.data, onSecond.data).allSatisfy { $0 > $1 })
}

@Test func cbamSpatialConvIsFollowedByBatchNormWithEps1e5AndNoReLU() throws {
    // A running variance near eps makes eps matter: 1e-5 and 1e-3 give scales 1.83 and 0.31.
    let bn: (weight: Float, bias: Float, mean: Float, variance: Float) = (0.01, -1, 0.1, 2e-5)
    let x = randomInput([1, channels, 6, 5], seed: 4)
    let map = try spatialMap(weights(tapChannel: 0, bn: bn), x)
    let scale = bn.weight / (bn.variance + 1e-5).squareRoot()
    assertClose(map, expected(x, max: true, scale: scale, shift: bn.bias - bn.mean * scale),
                rtol: 1e-5, atol: 1e-6, "sigmoid(bn(conv(pool)))")
    let wrongEps = bn.weight / (bn.variance + 1e-3).squareRoot()
    let gap = zip(map.data, expected(x, max: true, scale: wrongEps, shift: bn.bias - bn.mean * wrongEps).data)
        .map { abs($0 - $1) }.max()!
    #expect(gap > 0.05)
    // No ReLU between BN and the sigmoid: negative BN outputs give values under 0.5.
    #expect(map.data.contains { $0 < 0.4 })
}

@Test func cbamWithoutSpatialGateHasNoSpatialKeysOrMap() throws {
    var w = weights(tapChannel: 0)
    let options = BlockOptions(["reduction": "2", "no_spatial": "true"])
    #expect(throws: BlockError("cbam", "unexpected key 'SpatialGate.spatial.bn.bias' (and 5 more)")) {
        try BlockRegistry.build("cbam", channels: channels, options: options, source: .weights(WeightStore(w).root))
    }
    w = w.filter { !$0.key.hasPrefix("SpatialGate.") }
    let built = try BlockRegistry.build("cbam", channels: channels, options: options,
                                        source: .weights(WeightStore(w).root))
    let x = randomInput([1, channels, 3, 4], seed: 5)
    let trace = Trace()
    let y = built.block.forward(x, trace: trace)
    #expect(trace.names == ["channel"])
    assertClose(y, x * 0.5, rtol: 1e-6, atol: 1e-7, "x * sigmoid(0)")
}

@Test func cbamPoolTypesAreChecked() {
    func error(_ options: [String: String]) -> String? {
        do {
            _ = try BlockRegistry.build("cbam", channels: 32, options: BlockOptions(options), source: .seeded(0))
            return nil
        } catch { return "\(error)" }
    }
    #expect(error(["pool_types": "lse,lp,max,avg"]) == nil)
    #expect(error(["pool_types": "avg,median"])
            == "cbam: option pool_types=avg,median must be a comma-separated list of avg, max, lp, lse")
    #expect(error(["no_spatial": "maybe"]) == "cbam: option no_spatial=maybe must be true or false")
}

@Test func cbamChannelPoolsMatchTheirDefinitions() {
    // (1, 2, 2, 2): planes [1, 2, 3, 4] and [-1, 0, 0, 5].
    let x = Tensor(shape: [1, 2, 2, 2], data: [1, 2, 3, 4, -1, 0, 0, 5])
    func pooled(_ kind: String) -> [Float] { ConvolutionalBlockAttentionModule.pool(x, kind).data }
    #expect(pooled("avg") == [2.5, 1])
    #expect(pooled("max") == [4, 5])
    let lp = pooled("lp"), lse = pooled("lse")
    #expect(abs(lp[0] - Float(30).squareRoot()) < 1e-5 && abs(lp[1] - Float(26).squareRoot()) < 1e-5)
    let lse0 = logf(expf(1) + expf(2) + expf(3) + expf(4)), lse1 = logf(expf(-1) + 2 + expf(5))
    #expect(abs(lse[0] - lse0) < 1e-5 && abs(lse[1] - lse1) < 1e-5)
}
