// Every engine op against PyTorch: each op runs on its fixture cases and must match within
// |a-b| <= 1e-4 + 1e-4*|b|. Each op has at least two cases, one non-square and one with batch 2.
import AttnEngine
import AttnTestSupport
import Testing

/// Runs one fixture case through the engine.
func runEngineCase(_ c: EngineCase) -> [Tensor] {
    let x = c.inputs.first!
    switch c.params["op"]!.string! {
    case "conv2d":
        let p = c.ints("padding")
        return [conv2d(
            x, weight: c.tensors["weight"]!, bias: c.tensors["bias"], stride: c.pair("stride"),
            padding: Padding2D(top: p[0], bottom: p[1], left: p[2], right: p[3]),
            dilation: c.pair("dilation"), groups: c.int("groups"),
            paddingMode: c.string("mode") == "reflect" ? .reflect : .zeros)]
    case "linear": return [linear(x, weight: c.tensors["weight"]!, bias: c.tensors["bias"])]
    case "matmul": return [matmul(x, c.inputs[1])]
    case "batchnorm":
        return [batchNorm(x, weight: c.tensors["weight"], bias: c.tensors["bias"],
                          runningMean: c.tensors["running_mean"]!, runningVar: c.tensors["running_var"]!,
                          eps: c.float("eps"))]
    case "groupnorm":
        return [groupNorm(x, groups: c.int("groups"), weight: c.tensors["weight"], bias: c.tensors["bias"],
                          eps: c.float("eps"))]
    case "layernorm":
        return [layerNorm(x, normalizedDims: c.int("dims"), weight: c.tensors["weight"], bias: c.tensors["bias"],
                          eps: c.float("eps"))]
    case "relu": return [relu(x)]
    case "relu6": return [relu6(x)]
    case "sigmoid": return [sigmoid(x)]
    case "hardsigmoid": return [hardSigmoid(x)]
    case "hardswish": return [hardSwish(x)]
    case "silu": return [silu(x)]
    case "softmax": return [softmax(x, axis: c.int("axis"))]
    case "global_avg": return [globalAvgPool(x)]
    case "global_max": return [globalMaxPool(x)]
    case "adaptive_pool":
        let size = c.params["size"]!.array!
        return [adaptivePool2d(x, outputH: size[0].optionalInt, outputW: size[1].optionalInt,
                               kind: c.string("kind") == "max" ? .max : .average)]
    case "pool2d":
        return [pool2d(x, kind: c.string("kind") == "max" ? .max : .average, kernel: c.pair("kernel"),
                       stride: c.pair("stride"), padding: .symmetric(c.int("padding")),
                       ceilMode: c.bool("ceil"), countIncludePad: c.bool("include_pad"))]
    case "unfold":
        return [unfold(x, kernel: c.pair("kernel"), dilation: c.pair("dilation"),
                       padding: .symmetric(c.int("padding")), stride: c.pair("stride"))]
    case "concat": return [concat(c.inputs, axis: c.int("axis"))]
    case "split": return split(x, sizes: c.ints("sizes"), axis: c.int("axis"))
    case "chunk": return chunk(x, c.int("chunks"), axis: c.int("axis"))
    case "reshape": return [x.reshaped(c.ints("shape"))]
    case "permute": return [permute(x, c.ints("dims"))]
    case "channel_shuffle": return [channelShuffle(x, groups: c.int("groups"))]
    case "slice": return [slice(x, axis: c.int("axis"), start: c.int("start"), end: c.int("end"), step: c.int("step"))]
    case "add": return [x + c.inputs[1]]
    case "sub": return [x - c.inputs[1]]
    case "mul": return [x * c.inputs[1]]
    case "div": return [x / c.inputs[1]]
    case let op: fatalError("fixture op \(op) has no engine function")
    }
}

let engineOps = [
    "conv2d", "linear", "matmul", "batchnorm", "groupnorm", "layernorm", "relu", "relu6", "sigmoid",
    "hardsigmoid", "hardswish", "silu", "softmax", "global_avg", "global_max", "adaptive_pool", "pool2d",
    "unfold", "concat", "split", "chunk", "reshape", "permute", "channel_shuffle", "slice",
    "add", "sub", "mul", "div",
]

@Test("op matches PyTorch", arguments: engineOps)
func opMatchesPyTorch(op: String) {
    let cases = EngineFixture.cases(op: op)
    #expect(cases.count >= 2, "\(op) needs at least two fixture cases")
    #expect(cases.contains { $0.inputs[0].rank >= 1 && $0.inputs[0].shape[0] == 2 },
            "\(op) needs a case with batch 2")
    #expect(cases.contains { c in c.inputs.contains { t in t.rank >= 2 && t.shape[t.rank - 1] != t.shape[t.rank - 2] } },
            "\(op) needs a non-square case")
    for c in cases {
        let actual = runEngineCase(c)
        let expected = c.outputs
        #expect(actual.count == expected.count, "\(c): \(actual.count) results, expected \(expected.count)")
        for (a, e) in zip(actual, expected) { assertClose(a, e, rtol: 1e-4, atol: 1e-4, c.name) }
    }
}

@Test func everyFixtureOpIsCovered() {
    let fixtureOps = Set(EngineFixture.cases.compactMap { $0.params["op"]?.string })
    #expect(fixtureOps == Set(engineOps))
}

@Test("conv2d covers every stride, dilation, groups and padding mode")
func conv2dCoverage() {
    let cases = EngineFixture.cases(op: "conv2d")
    #expect(cases.contains { $0.pair("stride") == (2, 2) })
    #expect(cases.contains { $0.pair("dilation").0 > 1 && $0.int("groups") == 1 })
    #expect(cases.contains { $0.pair("dilation").0 > 1 && $0.int("groups") > 1 })
    #expect(cases.contains { $0.int("groups") > 1 && $0.int("groups") < $0.inputs[0].shape[1] })  // grouped
    #expect(cases.contains { $0.int("groups") == $0.inputs[0].shape[1] })  // depthwise
    #expect(cases.contains { c in let p = c.ints("padding"); return p[0] != p[1] || p[2] != p[3] })  // asymmetric
    #expect(cases.contains { $0.string("mode") == "reflect" })
    #expect(cases.contains { $0.string("mode") == "reflect" && $0.int("groups") > 1 })
}
