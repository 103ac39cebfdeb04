// ResNet: He et al.'s residual network as torchvision builds it (conv1/bn1/maxpool, layer1-4 of
// BasicBlocks or Bottlenecks with the stride on the 3x3 conv, downsample.0/.1, global average
// pool, fc), with the places where the attention families differ from it: timm's deep stem and
// average-pool shortcut, an attention block in every residual block (after the last norm, before
// the residual add; SimAM after the 3x3 conv, inside `conv2`), and BAM between stages. Where a
// reference pools with a fixed 7x7 window, the pool is global, so any input from 32 px runs.
import AttnBlocks
import AttnEngine

struct ResNetDesign: Sendable {
    enum Kind: Sendable { case basic, bottleneck }
    enum Stem: Sendable {
        /// conv1 7x7 s2 + bn1 + ReLU + maxpool 3x3 s2.
        case standard
        /// timm's "deep" stem: conv1.0 3x3 s2 (3 -> w), conv1.1 bn, ReLU, conv1.3 3x3 (w -> w), conv1.4
        /// bn, ReLU, conv1.6 3x3 (w -> 64); then bn1, ReLU, maxpool.
        case deep(width: Int)
    }
    enum Shortcut: Sendable {
        /// downsample.0 conv 1x1 with the stride, downsample.1 bn.
        case convolution
        /// timm's avg_down: downsample.0 AvgPool2d(2, stride, ceil_mode, count_include_pad=False)
        /// where the stride is 2, then downsample.1 conv 1x1, downsample.2 bn.
        case averagePool
    }
    /// Where each residual block's attention sits.
    enum Placement: Sendable {
        /// On the branch after its last norm, before the residual add, under `key` ("cbam", "se").
        case afterLastNorm(key: String)
        /// After the 3x3 conv, before its norm: conv2 = Sequential(conv `conv2.0`, block `conv2.1`).
        case afterSecondConv
    }
    /// The block at a residual block of stage `stage` (1...4) with `channels` there, or nil.
    typealias BlockChoice = @Sendable (_ stage: Int, _ channels: Int) -> (name: String, options: [String: String])?

    var kind: Kind
    var layers: [Int]
    var stem: Stem = .standard
    var shortcut: Shortcut = .convolution
    var attention: BlockChoice? = nil
    var placement: Placement = .afterLastNorm(key: "se")
    /// A block after each of these stages, under "bam<stage>" (Jongchan's BAM-ResNets).
    var betweenStages: BlockChoice? = nil
    var classes = 1000

    var expansion: Int { kind == .basic ? 1 : 4 }
}

struct ResNet: AttentionNetwork {
    let design: ResNetDesign
    let stem: [(conv: Conv2dLayer, norm: BatchNormLayer?)]
    let stemNorm: BatchNormLayer
    let stages: [[ResidualBlock]]
    let between: [Int: AttentionSite]
    let fc: LinearLayer

    init(_ design: ResNetDesign, parameters p: inout NetworkParameters) throws {
        self.design = design
        switch design.stem {
        case .standard:
            stem = [(try p.conv("conv1", 3, 64, kernel: 7, stride: 2), nil)]
        case .deep(let w):
            stem = [(try p.conv("conv1.0", 3, w, kernel: 3, stride: 2), try p.norm("conv1.1", w)),
                    (try p.conv("conv1.3", w, w, kernel: 3), try p.norm("conv1.4", w)),
                    (try p.conv("conv1.6", w, 64, kernel: 3), nil)]
        }
        stemNorm = try p.norm("bn1", 64)
        var inputs = 64
        var stages = [[ResidualBlock]](), between = [Int: AttentionSite]()
        for (s, count) in design.layers.enumerated() {
            let planes = 64 << s
            var blocks = [ResidualBlock]()
            for b in 0..<count {
                blocks.append(try ResidualBlock(design, stage: s + 1, index: b, input: inputs, planes: planes,
                                                stride: b == 0 && s > 0 ? 2 : 1, parameters: &p))
                inputs = planes * design.expansion
            }
            stages.append(blocks)
            if let choice = design.betweenStages?(s + 1, inputs) {
                between[s + 1] = try AttentionSite(choice.name, channels: inputs, options: choice.options,
                                                   path: "bam\(s + 1)", stage: "bam\(s + 1)", parameters: &p)
            }
        }
        self.stages = stages
        self.between = between
        fc = try p.linear("fc", inputs, design.classes)
    }

    var attentionLayerCount: Int { stages.joined().filter { $0.attention != nil }.count + between.count }

    func forward(_ x: Tensor, visit: NetworkVisitor) throws -> Tensor {
        var h = x
        for (i, layer) in stem.enumerated() {
            h = layer.conv(h)
            if let norm = layer.norm { h = relu(norm(h)) } else if i == stem.count - 1 { h = relu(stemNorm(h)) }
        }
        visit.stage("stem", h)
        h = pool2d(h, kind: .max, kernel: (3, 3), stride: (2, 2), padding: .symmetric(1))
        for (s, blocks) in stages.enumerated() {
            for block in blocks { h = try block(h, visit) }
            visit.stage("layer\(s + 1)", h)
            if let site = between[s + 1] { h = try site(h, visit) }
        }
        return fc(mean(h, axes: [2, 3]))
    }
}

/// torchvision's BasicBlock and Bottleneck, with the family's attention in it.
struct ResidualBlock: Sendable {
    let kind: ResNetDesign.Kind
    let convs: [Conv2dLayer]
    let norms: [BatchNormLayer]
    let attention: AttentionSite?
    let placement: ResNetDesign.Placement
    let shortcut: (pool: Bool, conv: Conv2dLayer, norm: BatchNormLayer)?

    init(_ d: ResNetDesign, stage: Int, index: Int, input: Int, planes: Int, stride: Int, parameters p: inout NetworkParameters) throws {
        let key = "layer\(stage).\(index)"
        let output = planes * d.expansion
        kind = d.kind
        placement = d.placement
        let choice = d.attention?(stage, output)
        let secondConvKey: String
        if case .afterSecondConv = d.placement, choice != nil { secondConvKey = "\(key).conv2.0" } else { secondConvKey = "\(key).conv2" }
        switch d.kind {
        case .basic:
            convs = [try p.conv("\(key).conv1", input, planes, kernel: 3, stride: stride),
                     try p.conv(secondConvKey, planes, planes, kernel: 3)]
            norms = [try p.norm("\(key).bn1", planes), try p.norm("\(key).bn2", planes)]
        case .bottleneck:
            convs = [try p.conv("\(key).conv1", input, planes, kernel: 1),
                     try p.conv(secondConvKey, planes, planes, kernel: 3, stride: stride),
                     try p.conv("\(key).conv3", planes, output, kernel: 1)]
            norms = [try p.norm("\(key).bn1", planes), try p.norm("\(key).bn2", planes), try p.norm("\(key).bn3", output)]
        }
        if let choice {
            let (path, channels): (String, Int)
            switch d.placement {
            case .afterLastNorm(let name): (path, channels) = ("\(key).\(name)", output)
            case .afterSecondConv: (path, channels) = ("\(key).conv2.1", planes)
            }
            attention = try AttentionSite(choice.name, channels: channels, options: choice.options, path: path,
                                          stage: "layer\(stage)", parameters: &p)
        } else {
            attention = nil
        }
        if stride != 1 || input != output {
            switch d.shortcut {
            case .convolution:
                shortcut = (false, try p.conv("\(key).downsample.0", input, output, kernel: 1, stride: stride, padding: 0),
                            try p.norm("\(key).downsample.1", output))
            case .averagePool:
                shortcut = (stride != 1, try p.conv("\(key).downsample.1", input, output, kernel: 1, padding: 0),
                            try p.norm("\(key).downsample.2", output))
            }
        } else {
            shortcut = nil
        }
    }

    func callAsFunction(_ x: Tensor, _ visit: NetworkVisitor) throws -> Tensor {
        var h = x
        for i in convs.indices {
            h = convs[i](h)
            if i == 1, case .afterSecondConv = placement, let attention { h = try attention(h, visit) }
            h = norms[i](h)
            if i < convs.count - 1 { h = relu(h) }
        }
        if case .afterLastNorm = placement, let attention { h = try attention(h, visit) }
        var identity = x
        if let shortcut {
            if shortcut.pool {
                identity = pool2d(identity, kind: .average, kernel: (2, 2), stride: (2, 2), ceilMode: true, countIncludePad: false)
            }
            identity = shortcut.norm(shortcut.conv(identity))
        }
        return relu(h + identity)
    }
}
