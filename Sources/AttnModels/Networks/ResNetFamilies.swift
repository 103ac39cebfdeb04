// ResNetFamilies: the ResNets of the registry: torchvision's plain ones (which take probes) and
// the attention families built on them, each with the keys of the code it follows.
import AttnBlocks
import Foundation

enum ResNetFamilies {
    static let depths: [Int: (ResNetDesign.Kind, [Int])] = [
        18: (.basic, [2, 2, 2, 2]), 34: (.basic, [3, 4, 6, 3]), 50: (.bottleneck, [3, 4, 6, 3]),
        101: (.bottleneck, [3, 4, 23, 3]), 152: (.bottleneck, [3, 8, 36, 3]),
    ]

    static let torchvisionKeys = "conv1, bn1, layer1-4, fc"

    static func entry(_ name: String, source: String, blocks: [String], keys: String = torchvisionKeys, note: String? = nil,
                      design: @escaping @Sendable () -> ResNetDesign) -> NetworkEntry {
        NetworkEntry(name: name, source: source, blocks: blocks, keyPrefixes: keys, preprocessing: .imageNet,
                     classifierKey: "fc.weight", note: note, make: { p, classes in
                         var d = design()
                         d.classes = classes
                         return try ResNet(d, parameters: &p)
                     })
    }

    static func design(_ depth: Int) -> ResNetDesign {
        let (kind, layers) = depths[depth]!
        return ResNetDesign(kind: kind, layers: layers)
    }

    static let torchvision: [NetworkEntry] = [18, 34, 50, 101, 152].map { depth in
        entry("resnet\(depth)", source: "torchvision models/resnet.py resnet\(depth)", blocks: []) { design(depth) }
    }

    /// Jongchan/attention-module MODELS/model_resnet.py: CBAM(C, 16) in every block, after the last
    /// norm; BAM(C) after layer1-3. The authors pool with AvgPool2d(7).
    static let jongchan: [NetworkEntry] = [18, 34, 50, 101].flatMap { depth in [
        entry("cbam_resnet\(depth)", source: "Jongchan/attention-module MODELS/model_resnet.py (CBAM)", blocks: ["cbam"],
              note: "global average pool for the authors' AvgPool2d(7)") {
            var d = design(depth)
            d.attention = { _, _ in ("cbam", [:]) }
            d.placement = .afterLastNorm(key: "cbam")
            return d
        },
        entry("bam_resnet\(depth)", source: "Jongchan/attention-module MODELS/model_resnet.py (BAM)", blocks: ["bam"],
              keys: "conv1, bn1, layer1-4, bam1-3, fc", note: "global average pool for the authors' AvgPool2d(7)") {
            var d = design(depth)
            d.betweenStages = { stage, _ in stage < 4 ? ("bam", [:]) : nil }
            return d
        },
    ] }

    /// timm resnet.py: SEModule (fc1/fc2 1x1 convs, hidden make_divisible(C / 16, 8)) after the last norm.
    static let timmSE: [NetworkEntry] = [18, 34, 50, 101, 152].map { depth in
        entry("seresnet\(depth)", source: "timm models/resnet.py seresnet\(depth)", blocks: ["se"]) {
            var d = design(depth)
            d.attention = { _, c in ("se", ["hidden": "\(makeDivisible(Double(c) / 16, 8, roundLimit: 0))"]) }
            d.placement = .afterLastNorm(key: "se")
            return d
        }
    }

    /// timm's EcaModule: k = max(odd(int(|log2 C + 1| / 2)), 3).
    static func ecaKernel(_ channels: Int) -> Int {
        let t = Int(abs(log2(Double(channels)) + 1) / 2)
        return max(t % 2 == 1 ? t : t + 1, 3)
    }

    static let ecaresnet50d = entry(
        "ecaresnet50d", source: "timm models/resnet.py ecaresnet50d", blocks: ["eca"],
        keys: "conv1.0-6, bn1, layer1-4, fc") {
        var d = design(50)
        d.stem = .deep(width: 32)
        d.shortcut = .averagePool
        d.attention = { _, c in ("eca", ["k_size": "\(ecaKernel(c))"]) }
        d.placement = .afterLastNorm(key: "se")
        return d
    }

    static let saNet: [NetworkEntry] = [50, 101].map { depth in
        entry("sa_resnet\(depth)", source: "wofmanaf/SA-Net models/sa_resnet.py", blocks: ["sa"]) {
            var d = design(depth)
            d.attention = { _, _ in ("sa", ["groups": "64"]) }
            d.placement = .afterLastNorm(key: "sa")
            return d
        }
    }

    /// ZjjConan/SimAM networks/imagenet/resnet.py: conv2 = Sequential(conv, SimAM(0.1)), the lambda
    /// its ImageNet models were trained with.
    static let simam: [NetworkEntry] = [18, 34, 50, 101].map { depth in
        entry("simam_resnet\(depth)", source: "ZjjConan/SimAM networks/imagenet/resnet.py", blocks: ["simam"]) {
            var d = design(depth)
            d.attention = { _, _ in ("simam", ["e_lambda": "0.1"]) }
            d.placement = .afterSecondConv
            return d
        }
    }

    /// BangguWu/ECANet models/eca_resnet.py, with the kernels of the released eca_resnet50_k3557.
    static let ecaNet = entry("eca_resnet50", source: "BangguWu/ECANet models/eca_resnet.py (k 3, 5, 5, 7)", blocks: ["eca"]) {
        var d = design(50)
        d.attention = { stage, _ in ("eca", ["k_size": "\([3, 5, 5, 7][stage - 1])"]) }
        d.placement = .afterLastNorm(key: "eca")
        return d
    }

    /// landskape-ai/triplet-attention MODELS/resnet.py with MODELS/triplet_attention.py's gate names.
    /// Its released weights name the block `pcam`, as the maintainers say (issue #12): both load.
    static let triplet: NetworkEntry = {
        var e = entry("triplet_resnet50", source: "landskape-ai/triplet-attention MODELS/resnet.py", blocks: ["triplet"],
                      note: "global average pool for the authors' AvgPool2d(7)") {
            var d = design(50)
            d.attention = { _, _ in ("triplet", ["keys": "models"]) }
            d.placement = .afterLastNorm(key: "triplet_attention")
            return d
        }
        e.keyRewrites = [(".pcam.", ".triplet_attention.")]
        return e
    }()

    /// xvjiarui/GCNet's backbone (mmdet ResNet, gcb ratio 1/16 in layer2-4); the classifier is attnview's.
    static let gcNet: [NetworkEntry] = [50, 101].map { depth in
        var e = entry("gc_resnet\(depth)", source: "xvjiarui/GCNet mmdet/models/backbones/resnet.py (gcb, r16, c3-c5)", blocks: ["gc"],
                      note: "classifier (avgpool + fc) is attnview's: GCNet releases detection backbones") {
            var d = design(depth)
            d.attention = { stage, _ in stage >= 2 ? ("gc", ["ratio": "0.0625"]) : nil }
            d.placement = .afterLastNorm(key: "context_block")
            return d
        }
        e.optionalKeys = ["fc.weight", "fc.bias"]
        e.checkpointPrefix = "backbone."
        return e
    }

    static let entries: [NetworkEntry] = torchvision + timmSE + [ecaresnet50d] + jongchan + saNet + simam + [ecaNet, triplet]
        + gcNet + MobileNetEntries.entries
}

enum MobileNetEntries {
    static let mobilenetv2CA: NetworkEntry = {
        var e = NetworkEntry(
            name: "mobilenetv2_ca", source: "Andrew-Qibin/CoordAttention mbv2_ca.py", blocks: ["coordatt"],
            keyPrefixes: "features.0-17, conv, classifier", preprocessing: .imageNet, classifierKey: "classifier.weight", note: nil,
            make: { p, classes in try MobileNetV2CA(classes: classes, parameters: &p) })
        e.keyAliases = ["classifier.1.weight": "classifier.weight", "classifier.1.bias": "classifier.bias"]
        return e
    }()

    static let entries: [NetworkEntry] = [
        NetworkEntry(name: "mobilenetv3_large_100", source: "timm models/mobilenetv3.py", blocks: ["se"],
                     keyPrefixes: "conv_stem, bn1, blocks.0-6, conv_head, classifier", preprocessing: .imageNet,
                     classifierKey: "classifier.weight", note: nil,
                     make: { p, classes in try TimmEfficientNets.mobileNetV3Large(classes: classes, parameters: &p) }),
        NetworkEntry(name: "efficientnet_b0", source: "timm models/efficientnet.py", blocks: ["se"],
                     keyPrefixes: "conv_stem, bn1, blocks.0-6, conv_head, bn2, classifier", preprocessing: .imageNet,
                     classifierKey: "classifier.weight", note: nil,
                     make: { p, classes in try TimmEfficientNets.efficientNetB0(classes: classes, parameters: &p) }),
        mobilenetv2CA,
    ]
}
