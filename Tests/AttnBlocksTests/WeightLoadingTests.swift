// Strict weight loading: a missing, unexpected or mis-shaped key is an error that names the key;
// BatchNorm's num_batches_tracked is accepted and ignored; options are checked.
import AttnBlocks
import AttnEngine
import Testing

private func seWeights(channels: Int = 32, hidden: Int = 2) -> [String: Tensor] {
    [
        "fc1.weight": Tensor(zeros: [hidden, channels]), "fc1.bias": Tensor(zeros: [hidden]),
        "fc2.weight": Tensor(zeros: [channels, hidden]), "fc2.bias": Tensor(zeros: [channels]),
    ]
}

private func buildError(_ weights: [String: Tensor], options: [String: String] = [:]) -> String? {
    do {
        _ = try BlockRegistry.build("se", channels: 32, options: BlockOptions(options),
                                    source: .weights(WeightStore(weights).root))
        return nil
    } catch {
        return "\(error)"
    }
}

@Test func completeWeightsLoad() {
    #expect(buildError(seWeights()) == nil)
}

@Test func missingKeyIsNamed() {
    var w = seWeights()
    w["fc2.bias"] = nil
    #expect(buildError(w) == "se: missing key 'fc2.bias' (expected shape [32])")
}

@Test func unexpectedKeyIsNamed() {
    var w = seWeights()
    w["fc3.weight"] = Tensor(zeros: [1])
    #expect(buildError(w) == "se: unexpected key 'fc3.weight'")
}

@Test func wrongShapeIsNamed() {
    var w = seWeights()
    w["fc1.weight"] = Tensor(zeros: [2, 31])
    #expect(buildError(w) == "se: key 'fc1.weight' has shape [2, 31], expected [2, 32]")
}

@Test func convLayoutOfLinearWeightsLoads() {
    var w = seWeights()
    w["fc1.weight"] = Tensor(zeros: [2, 32, 1, 1])
    #expect(buildError(w) == nil)
}

@Test func unknownOptionIsNamed() {
    #expect(buildError(seWeights(), options: ["reductoin": "16"]) == "se: unknown option 'reductoin' (its options are reduction, hidden, act, gate, keys)")
    #expect(buildError(seWeights(), options: ["reduction": "x"]) == "se: option reduction=x must be an integer from 1 to 4096")
}

/// A value or key typed (or pasted) with terminal control bytes is shown escaped, and a huge
/// value is cut, so the message stays one readable line.
@Test func controlBytesInOptionsAreEscaped() throws {
    #expect(buildError(seWeights(), options: ["reduction": "a\u{1B}[2Jb\u{07}"])
            == "se: option reduction=a\\x1B[2Jb\\x07 must be an integer from 1 to 4096")
    #expect(buildError(seWeights(), options: ["x\u{1B}]0;pwn\u{07}": "1"])
            == "se: unknown option 'x\\x1B]0;pwn\\x07' (its options are reduction, hidden, act, gate, keys)")
    let long = String(repeating: "9", count: 5000)
    let message = try #require(buildError(seWeights(), options: ["reduction": long]))
    #expect(message.count < 200 && message.contains("… (4920 more)"))
    #expect(throws: BlockError("options", "'a\\x0Db' is not key=value")) { try BlockOptions(assignments: ["a\rb"]) }
}

@Test func prefixedStoreTakesOnlyItsKeys() throws {
    var prefixed = [String: Tensor]()
    for (k, v) in seWeights() { prefixed["layer1.0.se.\(k)"] = v }
    prefixed["layer1.0.conv1.weight"] = Tensor(zeros: [1])
    let store = WeightStore(prefixed)
    let built = try BlockRegistry.build("se", channels: 32, source: .weights(store.sub("layer1.0.se")))
    #expect(built.parameterCount == 2 * 32 + 2 + 32 * 2 + 32)
    #expect(store.untakenKeys == ["layer1.0.conv1.weight"])
}

@Test func aliasesAndUnknownNames() {
    #expect(BlockRegistry.type(named: "SE") != nil)
    #expect(throws: BlockError.self) { try BlockRegistry.build("nope", channels: 8, source: .seeded(0)) }
}
