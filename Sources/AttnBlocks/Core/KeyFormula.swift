// KeyFormula: a value for every tensor of a state_dict made from its key alone, the same as
// scripts/fixtures/networks/common.py's formula_tensor, so that a test can build a whole network
// here and in PyTorch with equal weights and compare their outputs without committing the
// weights. u = splitmix64(fnv1a64(key) + (i + 1) * golden) >> 40 scaled to [-1, 1); then by the
// key's last part: running_var 1 + 0.5u, running_mean 0.1u, num_batches_tracked 0, a rank-1
// weight (norms) 1 + 0.1u, a weight of rank >= 2 u * sqrt(6 / fan_in), bias 0.1u, anything else
// 0.5u; computed in Double and rounded to Float once, as numpy does.
import AttnEngine

public enum KeyFormula {
    @Sendable public static func tensor(key: String, shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        let last = key.split(separator: ".").last.map(String.init) ?? key
        if last == "num_batches_tracked" { return Tensor(shape: shape, repeating: 0) }
        let (scale, offset): (Double, Double)
        switch last {
        case "running_var": (scale, offset) = (0.5, 1)
        case "running_mean": (scale, offset) = (0.1, 0)
        case "weight" where shape.count == 1: (scale, offset) = (0.1, 1)
        case "weight": (scale, offset) = ((6 / Double(max(1, count / max(1, shape[0])))).squareRoot(), 0)
        case "bias": (scale, offset) = (0.1, 0)
        default: (scale, offset) = (0.5, 0)
        }
        // SeededRandom's stream, written out: tests build networks of 60M values in debug builds.
        let start = SeededRandom.hash(key)
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            var state = start
            for i in 0..<count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                buffer[i] = Float(offset + scale * (Double(z >> 40) * (2.0 / 16_777_216.0) - 1))
            }
            initialized = count
        }
        return Tensor(shape: shape, data: values)
    }
}
