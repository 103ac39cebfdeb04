// Lite0Preprocessing: how an image becomes EfficientNet-Lite0's input: resized (antialiased
// bilinear) to side x side without keeping the aspect ratio, as the TensorFlow reference
// evaluates it, then (pixel - 127) / 128. With this, the cat sample is "Egyptian cat" at 0.79.
import AttnEngine
import AttnImaging

public enum Lite0Preprocessing {
    public static let normalization = PixelNormalization.offsetScale(offset: 127, scale: 128)

    /// What `tensor` does, in one line (the status line, summary.json).
    public static func description(side: Int) -> String {
        "resize to \(side)x\(side) (antialiased bilinear), (pixel - 127) / 128"
    }

    public static func tensor(_ image: RGBImage, side: Int) -> Tensor {
        image.resizedBilinear(height: side, width: side).tensor(normalization: normalization)
    }
}
