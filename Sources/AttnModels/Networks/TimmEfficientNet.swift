// TimmEfficientNet: timm's EfficientNet builder (timm/models/_efficientnet_blocks.py), as it
// builds mobilenetv3_large_100 and efficientnet_b0: conv_stem + bn1 + act, blocks.S.I of three
// kinds (DepthwiseSeparable: conv_dw, bn1, act, [se], conv_pw, bn2; InvertedResidual: conv_pw,
// bn1, act, conv_dw, bn2, act, [se], conv_pwl, bn3; ConvBnAct: conv, bn1, act), the identity added
// when the stride is 1 and the widths match, then the head. Padding is symmetric (k // 2; only
// timm's tf_ variants pad as TensorFlow) and every BatchNorm's eps is 1e-5. The squeeze-excite
// sits on the depthwise output, before the projection: timm's SqueezeExcite, attnview's `se` with
// keys conv_reduce/conv_expand.
import AttnBlocks
import AttnEngine

struct TimmBlockSpec: Sendable {
    enum Kind: Sendable { case depthwiseSeparable, invertedResidual, convBnAct }
    enum Activation: String, Sendable { case relu, hardSwish, silu }
    let kind: Kind
    let input: Int, mid: Int, output: Int
    let kernel: Int, stride: Int
    let activation: Activation
    /// The squeeze-excite's hidden width, its activation and gate; nil: none.
    let se: (hidden: Int, act: String, gate: String)?
}

struct TimmEfficientNet: AttentionNetwork {
    enum Head: Sendable {
        /// MobileNetV3: pool, conv_head with bias, act, classifier.
        case poolThenConv
        /// EfficientNet: conv_head, bn2, act, pool, classifier.
        case convThenPool
    }

    struct Block: Sendable {
        let spec: TimmBlockSpec
        let convs: [Conv2dLayer]
        let norms: [BatchNormLayer]
        let se: AttentionSite?
        var skip: Bool { spec.kind != .convBnAct && spec.stride == 1 && spec.input == spec.output }
    }

    let stem: Conv2dLayer, stemNorm: BatchNormLayer
    let activation: TimmBlockSpec.Activation
    let blocks: [[Block]]
    let head: Head
    let headConv: Conv2dLayer, headNorm: BatchNormLayer?
    let classifier: LinearLayer

    init(stemWidth: Int, activation: TimmBlockSpec.Activation, stages: [[TimmBlockSpec]], head: Head, features: Int,
         classes: Int, parameters p: inout NetworkParameters) throws {
        stem = try p.conv("conv_stem", 3, stemWidth, kernel: 3, stride: 2)
        stemNorm = try p.norm("bn1", stemWidth)
        self.activation = activation
        var blocks = [[Block]]()
        for (s, stage) in stages.enumerated() {
            var built = [Block]()
            for (i, spec) in stage.enumerated() {
                built.append(try Self.block(spec, key: "blocks.\(s).\(i)", stage: "blocks.\(s)", parameters: &p))
            }
            blocks.append(built)
        }
        self.blocks = blocks
        let last = stages.last!.last!.output
        self.head = head
        switch head {
        case .poolThenConv:
            headConv = try p.conv("conv_head", last, features, kernel: 1, bias: true)
            headNorm = nil
        case .convThenPool:
            headConv = try p.conv("conv_head", last, features, kernel: 1)
            headNorm = try p.norm("bn2", features)
        }
        classifier = try p.linear("classifier", features, classes)
    }

    static func block(_ spec: TimmBlockSpec, key: String, stage: String, parameters p: inout NetworkParameters) throws -> Block {
        let (k, s) = (spec.kernel, spec.stride)
        var se: AttentionSite?
        func squeeze(_ channels: Int, _ p: inout NetworkParameters) throws {
            guard let config = spec.se else { return }
            se = try AttentionSite("se", channels: channels, options: [
                "hidden": "\(config.hidden)", "act": config.act, "gate": config.gate, "keys": "conv",
            ], path: "\(key).se", stage: stage, parameters: &p)
        }
        switch spec.kind {
        case .depthwiseSeparable:
            let dw = try p.conv("\(key).conv_dw", spec.input, spec.input, kernel: k, stride: s, groups: spec.input)
            let n1 = try p.norm("\(key).bn1", spec.input)
            try squeeze(spec.input, &p)
            let pw = try p.conv("\(key).conv_pw", spec.input, spec.output, kernel: 1)
            return Block(spec: spec, convs: [dw, pw], norms: [n1, try p.norm("\(key).bn2", spec.output)], se: se)
        case .invertedResidual:
            let pw = try p.conv("\(key).conv_pw", spec.input, spec.mid, kernel: 1)
            let n1 = try p.norm("\(key).bn1", spec.mid)
            let dw = try p.conv("\(key).conv_dw", spec.mid, spec.mid, kernel: k, stride: s, groups: spec.mid)
            let n2 = try p.norm("\(key).bn2", spec.mid)
            try squeeze(spec.mid, &p)
            let pwl = try p.conv("\(key).conv_pwl", spec.mid, spec.output, kernel: 1)
            return Block(spec: spec, convs: [pw, dw, pwl], norms: [n1, n2, try p.norm("\(key).bn3", spec.output)], se: se)
        case .convBnAct:
            let conv = try p.conv("\(key).conv", spec.input, spec.output, kernel: k, stride: s)
            return Block(spec: spec, convs: [conv], norms: [try p.norm("\(key).bn1", spec.output)], se: nil)
        }
    }

    var attentionLayerCount: Int { blocks.joined().filter { $0.se != nil }.count }

    static func act(_ a: TimmBlockSpec.Activation, _ x: Tensor) -> Tensor {
        switch a {
        case .relu: relu(x)
        case .hardSwish: hardSwish(x)
        case .silu: silu(x)
        }
    }

    func forward(_ x: Tensor, visit: NetworkVisitor) throws -> Tensor {
        var h = Self.act(activation, stemNorm(stem(x)))
        visit.stage("stem", h)
        for (s, stage) in blocks.enumerated() {
            for block in stage {
                var y = h
                let a = block.spec.activation
                switch block.spec.kind {
                case .depthwiseSeparable:
                    y = Self.act(a, block.norms[0](block.convs[0](y)))
                    if let se = block.se { y = try se(y, visit) }
                    y = block.norms[1](block.convs[1](y))
                case .invertedResidual:
                    y = Self.act(a, block.norms[0](block.convs[0](y)))
                    y = Self.act(a, block.norms[1](block.convs[1](y)))
                    if let se = block.se { y = try se(y, visit) }
                    y = block.norms[2](block.convs[2](y))
                case .convBnAct:
                    y = Self.act(a, block.norms[0](block.convs[0](y)))
                }
                h = block.skip ? y + h : y
            }
            visit.stage("blocks.\(s)", h)
        }
        switch head {
        case .poolThenConv:
            h = Self.act(activation, headConv(mean(h, axes: [2, 3], keepDims: true)))
            return classifier(h.reshaped([h.shape[0], -1]))
        case .convThenPool:
            h = Self.act(activation, headNorm!(headConv(h)))
            return classifier(mean(h, axes: [2, 3]))
        }
    }
}

/// timm's make_divisible: the nearest multiple of `divisor` (at least `divisor`), one more
/// multiple where that falls below round_limit * v.
func makeDivisible(_ v: Double, _ divisor: Int = 8, roundLimit: Double = 0.9) -> Int {
    var rounded = max(divisor, Int(v + Double(divisor) / 2) / divisor * divisor)
    if Double(rounded) < roundLimit * v { rounded += divisor }
    return rounded
}

enum TimmEfficientNets {
    /// mobilenetv3_large_100: ds_r1_k3_s1_e1_c16_nre | ir_r1_k3_s2_e4_c24_nre, ir_r1_k3_s1_e3_c24_nre |
    /// ir_r3_k5_s2_e3_c40_se0.25_nre | ir_r1_k3_s2_e6_c80, ir_r1_k3_s1_e2.5_c80, ir_r2_k3_s1_e2.3_c80 |
    /// ir_r2_k3_s1_e6_c112_se0.25 | ir_r3_k5_s2_e6_c160_se0.25 | cn_r1_k1_s1_c960.
    static func mobileNetV3Large(classes: Int, parameters p: inout NetworkParameters) throws -> TimmEfficientNet {
        // (repeats, kernel, stride, expansion, output, se, relu)
        let rows: [[(Int, Int, Int, Double, Int, Bool, Bool)]] = [
            [(1, 3, 1, 1, 16, false, true)],
            [(1, 3, 2, 4, 24, false, true), (1, 3, 1, 3, 24, false, true)],
            [(3, 5, 2, 3, 40, true, true)],
            [(1, 3, 2, 6, 80, false, false), (1, 3, 1, 2.5, 80, false, false), (2, 3, 1, 2.3, 80, false, false)],
            [(2, 3, 1, 6, 112, true, false)],
            [(3, 5, 2, 6, 160, true, false)],
        ]
        var stages = [[TimmBlockSpec]](), input = 16
        for (s, row) in rows.enumerated() {
            var specs = [TimmBlockSpec]()
            for (repeats, k, stride, e, out, se, isRelu) in row {
                for r in 0..<repeats {
                    let act: TimmBlockSpec.Activation = isRelu ? .relu : .hardSwish
                    if s == 0 {
                        specs.append(TimmBlockSpec(kind: .depthwiseSeparable, input: input, mid: input, output: out, kernel: k,
                                                   stride: stride, activation: act, se: nil))
                    } else {
                        let mid = makeDivisible(Double(input) * e)
                        specs.append(TimmBlockSpec(
                            kind: .invertedResidual, input: input, mid: mid, output: out, kernel: k, stride: r == 0 ? stride : 1,
                            activation: act, se: se ? (makeDivisible(Double(mid) * 0.25), "relu", "hard_sigmoid") : nil))
                    }
                    input = out
                }
            }
            stages.append(specs)
        }
        stages.append([TimmBlockSpec(kind: .convBnAct, input: input, mid: input, output: 960, kernel: 1, stride: 1,
                                     activation: .hardSwish, se: nil)])
        return try TimmEfficientNet(stemWidth: 16, activation: .hardSwish, stages: stages, head: .poolThenConv,
                                    features: 1280, classes: classes, parameters: &p)
    }

    /// efficientnet_b0: ds_r1_k3_s1_e1_c16_se0.25 | ir_r2_k3_s2_e6_c24_se0.25 | ir_r2_k5_s2_e6_c40_se0.25 |
    /// ir_r3_k3_s2_e6_c80_se0.25 | ir_r3_k5_s1_e6_c112_se0.25 | ir_r4_k5_s2_e6_c192_se0.25 |
    /// ir_r1_k3_s1_e6_c320_se0.25; SiLU everywhere, the squeeze-excite round(in / 4) wide.
    static func efficientNetB0(classes: Int, parameters p: inout NetworkParameters) throws -> TimmEfficientNet {
        let rows: [(Int, Int, Int, Int, Int)] = [   // (repeats, kernel, stride, expansion, output)
            (1, 3, 1, 1, 16), (2, 3, 2, 6, 24), (2, 5, 2, 6, 40), (3, 3, 2, 6, 80), (3, 5, 1, 6, 112), (4, 5, 2, 6, 192),
            (1, 3, 1, 6, 320),
        ]
        var stages = [[TimmBlockSpec]](), input = 32
        for (s, (repeats, k, stride, e, out)) in rows.enumerated() {
            var specs = [TimmBlockSpec]()
            for r in 0..<repeats {
                let mid = s == 0 ? input : makeDivisible(Double(input * e))
                // round(mid * 0.25 / e), Python's round (half to even).
                let hidden = Int((Double(mid) * 0.25 / Double(e)).rounded(.toNearestOrEven))
                specs.append(TimmBlockSpec(kind: s == 0 ? .depthwiseSeparable : .invertedResidual, input: input, mid: mid,
                                           output: out, kernel: k, stride: r == 0 ? stride : 1, activation: .silu,
                                           se: (hidden, "silu", "sigmoid")))
                input = out
            }
            stages.append(specs)
        }
        return try TimmEfficientNet(stemWidth: 32, activation: .silu, stages: stages, head: .convThenPool, features: 1280,
                                    classes: classes, parameters: &p)
    }
}
