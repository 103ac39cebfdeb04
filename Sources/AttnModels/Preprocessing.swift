// Preprocessing: how an image becomes a network's input, as each family's source evaluates it.
// Lite0 (ported from TensorFlow): resized to side x side without keeping the aspect ratio, then
// (pixel - 127) / 128. ImageNet ResNets and timm: the shorter side resized to side * 256 / 224
// (256 for 224), the centre side x side cropped, then ImageNet's mean and std; torchvision's
// eval transform (Resize(256), CenterCrop(224)) at its default size.
import AttnEngine
import AttnImaging

public enum Preprocessing: String, Sendable, Equatable {
    case lite0
    case imageNet = "imagenet"

    public func tensor(_ image: RGBImage, side: Int) -> Tensor {
        switch self {
        case .lite0:
            return Lite0Preprocessing.tensor(image, side: side)
        case .imageNet:
            let (h, w) = Self.resizedShape(height: image.height, width: image.width, shorter: Self.resizeSide(side))
            return image.resizedBilinear(height: h, width: w, centreCroppedTo: side, side)
                .tensor(normalization: .imageNet)
        }
    }

    /// The part of the image the network sees, at the image's own resolution: all of it for
    /// Lite0, the centre crop (mapped back from the resized image) for ImageNet networks. Maps are
    /// drawn over this, so they lie where the network looked.
    public func visibleRegion(_ image: RGBImage, side: Int) -> RGBImage {
        guard self == .imageNet else { return image }
        let (h, w) = Self.resizedShape(height: image.height, width: image.width, shorter: Self.resizeSide(side))
        let cropH = min(image.height, max(1, Int((Double(side) * Double(image.height) / Double(h)).rounded())))
        let cropW = min(image.width, max(1, Int((Double(side) * Double(image.width) / Double(w)).rounded())))
        return image.centerCropped(height: cropH, width: cropW)
    }

    public func description(side: Int) -> String {
        switch self {
        case .lite0: return Lite0Preprocessing.description(side: side)
        case .imageNet:
            return "shorter side to \(Self.resizeSide(side)) (antialiased bilinear), centre crop \(side)x\(side), ImageNet mean/std"
        }
    }

    /// 256 for the usual 224: the ratio of torchvision's Resize(256) to its CenterCrop(224).
    static func resizeSide(_ side: Int) -> Int { (side * 256 + 112) / 224 }

    /// torchvision's Resize(size) on the shorter side: the longer one becomes int(size * long / short).
    static func resizedShape(height: Int, width: Int, shorter: Int) -> (Int, Int) {
        if height <= width {
            return (shorter, max(shorter, Int(Double(shorter) * Double(width) / Double(height))))
        }
        return (max(shorter, Int(Double(shorter) * Double(height) / Double(width))), shorter)
    }
}
