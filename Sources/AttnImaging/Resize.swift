// Resize: antialiased bilinear resizing of NCHW tensors and of RGB images, matching PyTorch's
// F.interpolate(size=(h, w), mode="bilinear", align_corners=False, antialias=True). Preprocessing
// shrinks photos with it, and attention maps are enlarged with it to overlay their image. A window
// of the resized image can be computed alone (resize-then-crop without the whole resized image),
// and the passes run in the order that keeps the intermediate small, so memory stays within a
// few times the larger of input and output whatever the shapes.

import AttnEngine

extension Tensor {
    /// Resizes the last two axes of an (N, C, H, W) tensor to (height, width).
    public func resizedBilinear(height: Int, width: Int) -> Tensor {
        let (n, c, inHeight, inWidth) = nchw
        precondition(height > 0 && width > 0, "cannot resize to \(height)x\(width)")
        if inHeight == height && inWidth == width { return self }
        let horizontal = ResizeWeights(inputSize: inWidth, outputSize: width)
        let vertical = ResizeWeights(inputSize: inHeight, outputSize: height)

        var output = Tensor(zeros: [n, c, height, width])
        data.withUnsafeBufferPointer { source in
            output.data.withUnsafeMutableBufferPointer { destination in
                for plane in 0..<(n * c) {
                    let inPlane = UnsafeBufferPointer(rebasing:
                        source[(plane * inHeight * inWidth)..<((plane + 1) * inHeight * inWidth)])
                    let outPlane = UnsafeMutableBufferPointer(rebasing:
                        destination[(plane * height * width)..<((plane + 1) * height * width)])
                    SeparableResampler.resample(inPlane, into: outPlane, height: inHeight, width: inWidth, channels: 1,
                                                horizontal: horizontal, vertical: vertical)
                }
            }
        }
        return output
    }
}

extension RGBImage {
    /// Resizes in float like the tensor version, then rounds to the nearest byte, clamped.
    public func resizedBilinear(height newHeight: Int, width newWidth: Int) -> RGBImage {
        precondition(newHeight > 0 && newWidth > 0, "cannot resize to \(newHeight)x\(newWidth)")
        if newHeight == height && newWidth == width { return self }
        return resizedBilinear(height: newHeight, width: newWidth, rows: 0..<newHeight, columns: 0..<newWidth)
    }

    /// The `rows` x `columns` window of this image resized to `newHeight` x `newWidth`: the
    /// same pixels as resizing and then cropping, computed without the rest of the resized image.
    public func resizedBilinear(height newHeight: Int, width newWidth: Int, rows: Range<Int>, columns: Range<Int>) -> RGBImage {
        precondition(newHeight > 0 && newWidth > 0, "cannot resize to \(newHeight)x\(newWidth)")
        precondition(width > 0 && height > 0, "cannot resize an empty image")
        let horizontal = ResizeWeights(inputSize: width, outputSize: newWidth, window: columns)
        let vertical = ResizeWeights(inputSize: height, outputSize: newHeight, window: rows)

        var resized = [Float](repeating: 0, count: rows.count * columns.count * 3)
        pixels.withUnsafeBufferPointer { source in
            resized.withUnsafeMutableBufferPointer { destination in
                SeparableResampler.resample(source, into: destination, height: height, width: width, channels: 3,
                                            horizontal: horizontal, vertical: vertical)
            }
        }
        return RGBImage(width: columns.count, height: rows.count, pixels: resized.map(PixelByte.clamping))
    }
}
