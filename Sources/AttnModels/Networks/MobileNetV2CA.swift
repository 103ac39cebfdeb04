// MobileNetV2CA: MobileNetV2 (width 1.0) with Coordinate Attention, as Andrew-Qibin/CoordAttention's
// mbv2_ca.py builds it: features.0 (conv 3x3 s2 + BN + ReLU6), features.1 (the t = 1 block:
// depthwise + BN + ReLU6, projection + BN, no attention), features.2-17 (expansion 1x1 + BN + ReLU6,
// depthwise 3x3 + BN + ReLU6, CoordAtt at conv.6 on the depthwise output, projection conv.7 + BN
// conv.8, the identity added where stride 1 and widths match), conv (1x1 320 -> 1280 + BN + ReLU6),
// global pool, classifier. CoordAtt's gate convs are conv2/conv3 here (keys=mbv2_ca). The released
// file names the classifier `classifier`, the code `classifier.1`: both load.
import AttnBlocks
import AttnEngine

struct MobileNetV2CA: AttentionNetwork {
    struct Block: Sendable {
        let convs: [Conv2dLayer]
        let norms: [BatchNormLayer]
        let attention: AttentionSite?
        let residual: Bool
    }

    let stem: Conv2dLayer, stemNorm: BatchNormLayer
    let blocks: [Block]
    let head: Conv2dLayer, headNorm: BatchNormLayer
    let classifier: LinearLayer

    /// (t, c, n, s) of the seven groups.
    static let settings = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    init(classes: Int, parameters p: inout NetworkParameters) throws {
        stem = try p.conv("features.0.0", 3, 32, kernel: 3, stride: 2)
        stemNorm = try p.norm("features.0.1", 32)
        var blocks = [Block](), input = 32, index = 1
        // The layer list groups the blocks by the (t, c, n, s) rows of the paper's table.
        for (group, (t, c, n, s)) in Self.settings.enumerated() {
            for r in 0..<n {
                let key = "features.\(index).conv"
                let stride = r == 0 ? s : 1
                let hidden = input * t
                if t == 1 {
                    blocks.append(Block(
                        convs: [try p.conv("\(key).0", hidden, hidden, kernel: 3, stride: stride, groups: hidden),
                                try p.conv("\(key).3", hidden, c, kernel: 1)],
                        norms: [try p.norm("\(key).1", hidden), try p.norm("\(key).4", c)], attention: nil,
                        residual: stride == 1 && input == c))
                } else {
                    let expand = try p.conv("\(key).0", input, hidden, kernel: 1)
                    let n1 = try p.norm("\(key).1", hidden)
                    let dw = try p.conv("\(key).3", hidden, hidden, kernel: 3, stride: stride, groups: hidden)
                    let n2 = try p.norm("\(key).4", hidden)
                    let ca = try AttentionSite("coordatt", channels: hidden, options: ["keys": "mbv2_ca"], path: "\(key).6",
                                               stage: "group\(group + 1) (\(c) ch)", parameters: &p)
                    let project = try p.conv("\(key).7", hidden, c, kernel: 1)
                    blocks.append(Block(convs: [expand, dw, project], norms: [n1, n2, try p.norm("\(key).8", c)],
                                        attention: ca, residual: stride == 1 && input == c))
                }
                input = c
                index += 1
            }
        }
        self.blocks = blocks
        head = try p.conv("conv.0", 320, 1280, kernel: 1)
        headNorm = try p.norm("conv.1", 1280)
        classifier = try p.linear("classifier", 1280, classes)
    }

    var attentionLayerCount: Int { blocks.filter { $0.attention != nil }.count }

    func forward(_ x: Tensor, visit: NetworkVisitor) throws -> Tensor {
        var h = relu6(stemNorm(stem(x)))
        visit.stage("features.0", h)
        for (i, block) in blocks.enumerated() {
            var y = h
            for (j, conv) in block.convs.enumerated() {
                y = block.norms[j](conv(y))
                guard j < block.convs.count - 1 else { break }
                y = relu6(y)
                if j == 1, let attention = block.attention { y = try attention(y, visit) }
            }
            h = block.residual ? h + y : y
            visit.stage("features.\(i + 1)", h)
        }
        h = relu6(headNorm(head(h)))
        return classifier(mean(h, axes: [2, 3]))
    }
}
