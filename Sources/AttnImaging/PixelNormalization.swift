// PixelNormalization: how a network expects its input pixels scaled, and the conversion of an
// RGBImage to the (1, 3, H, W) float tensor it consumes.

import AttnEngine

public enum PixelNormalization: Sendable, Equatable {
    /// torchvision style: ((p / 255) - mean[c]) / std[c].
    case meanStd(mean: [Float], std: [Float])
    /// Raw-byte style: (p - offset) / scale, e.g. EfficientNet-Lite's (p - 127) / 128.
    case offsetScale(offset: Float, scale: Float)

    /// The ImageNet statistics almost every torchvision classifier was trained with.
    public static let imageNet = PixelNormalization.meanStd(mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225])
    /// Pixel values unchanged, 0...255.
    public static let none = PixelNormalization.offsetScale(offset: 0, scale: 1)

    /// The 256 values each byte maps to in one channel. Operations run in the same order and
    /// precision as torchvision's, so the results are identical rather than merely close.
    func lookupTable(channel: Int) -> [Float] {
        switch self {
        case let .meanStd(mean, std):
            precondition(mean.count == 3 && std.count == 3, "mean and std need 3 values each")
            return (0..<256).map { (Float($0) / 255 - mean[channel]) / std[channel] }
        case let .offsetScale(offset, scale):
            return (0..<256).map { (Float($0) - offset) / scale }
        }
    }
}

extension RGBImage {
    /// The image as a (1, 3, H, W) tensor, planar, normalised for a network.
    public func tensor(normalization: PixelNormalization) -> Tensor {
        let plane = width * height
        let tables = (0..<3).map { normalization.lookupTable(channel: $0) }
        let values = [Float](unsafeUninitializedCapacity: plane * 3) { out, initialized in
            pixels.withUnsafeBufferPointer { source in
                for c in 0..<3 {
                    tables[c].withUnsafeBufferPointer { table in
                        for i in 0..<plane { out[c * plane + i] = table[Int(source[3 * i + c])] }
                    }
                }
            }
            initialized = plane * 3
        }
        return Tensor(shape: [1, 3, height, width], data: values)
    }

    /// An image from a (3, H, W) or (1, 3, H, W) tensor of 0...255 values, rounded and clamped,
    /// e.g. a heatmap overlay computed in float.
    public init(clamping tensor: Tensor) {
        let shape = tensor.shape
        precondition((shape.count == 3 && shape[0] == 3) || (shape.count == 4 && shape[0] == 1 && shape[1] == 3),
                     "expected a (3, H, W) or (1, 3, H, W) tensor, got \(shape)")
        let height = shape[shape.count - 2], width = shape[shape.count - 1]
        let plane = width * height
        let bytes = [UInt8](unsafeUninitializedCapacity: plane * 3) { out, initialized in
            tensor.data.withUnsafeBufferPointer { source in
                for i in 0..<plane {
                    for c in 0..<3 { out[3 * i + c] = PixelByte.clamping(source[c * plane + i]) }
                }
            }
            initialized = plane * 3
        }
        self.init(width: width, height: height, pixels: bytes)
    }
}
