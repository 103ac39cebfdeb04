// SimAM's traps, checked by hand: n = H*W - 1 (not H*W) in the variance estimate, and a 1x1
// input (n = 0) is refused instead of dividing by zero.
import AttnBlocks
import AttnEngine
import Foundation
import Testing

private func simam(_ options: [String: String] = [:]) throws -> BuiltBlock {
    try BlockRegistry.build("simam", channels: 1, options: BlockOptions(options), source: .seeded(0))
}

@Test func simamDividesBySumOverHWMinusOne() throws {
    // x = [0, 1, 2]: mean 1, d = [1, 0, 1], sum(d) = 2, n = 3 - 1 = 2, so the denominator is
    // 4 * (2/2 + 1e-4) = 4.0004 and y = [1/4.0004 + 0.5, 0.5, 1/4.0004 + 0.5].
    // sigmoid(0.74997500...) = 0.67917325..., sigmoid(0.5) = 0.62245933...
    // (With n = H*W = 3 the outer weights would be sigmoid(0.87494...) = 0.7058...)
    let x = Tensor(shape: [1, 1, 1, 3], data: [0, 1, 2])
    let trace = Trace()
    let y = try simam().block.forward(x, trace: trace)
    let energy = try #require(trace["energy"])
    let expected: [Float] = [0.679_173_3, 0.622_459_3, 0.679_173_3]
    #expect(energy.shape == [1, 1, 1, 3])
    for i in 0..<3 {
        #expect(abs(energy.data[i] - expected[i]) <= 1e-6, "energy[\(i)] = \(energy.data[i]), expected \(expected[i])")
        #expect(abs(y.data[i] - x.data[i] * expected[i]) <= 1e-6)
    }
}

@Test func simamRefusesASinglePosition() throws {
    let block = try simam().block
    #expect(throws: BlockError("simam", "a 1x1 input leaves n = H*W-1 = 0; SimAM needs at least 2 positions")) {
        try block.validate(height: 1, width: 1)
    }
    #expect(throws: Never.self) { try block.validate(height: 1, width: 2) }
}

@Test func simamRefusesANonPositiveLambda() {
    #expect(throws: BlockError("simam", "option e_lambda=0 must be a number from 1e-12 to 1000000")) { try simam(["e_lambda": "0"]) }
    #expect(throws: BlockError("simam", "option e_lambda=-0.5 must be a number from 1e-12 to 1000000")) { try simam(["e_lambda": "-0.5"]) }
    #expect(throws: Never.self) { try simam(["e_lambda": "0.1"]) }
}

@Test func simamHasNoParameters() throws {
    #expect(try simam().parameterCount == 0)
}
