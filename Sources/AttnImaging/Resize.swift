// Resize: antialiased bilinear resizing of NCHW tensors and of RGB images, matching PyTorch's
// F.interpolate(size=(h, w), mode="bilinear", align_corners=False, antialias=True). Preprocessing
// shrinks photos with it, and attention maps are enlarged with it to overlay their image.

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
        var rowsResized = [Float](repeating: 0, count: inHeight * width)
        data.withUnsafeBufferPointer { source in
            output.data.withUnsafeMutableBufferPointer { destination in
                rowsResized.withUnsafeMutableBufferPointer { scratch in
                    for plane in 0..<(n * c) {
                        let inPlane = UnsafeBufferPointer(rebasing:
                            source[(plane * inHeight * inWidth)..<((plane + 1) * inHeight * inWidth)])
                        let outPlane = UnsafeMutableBufferPointer(rebasing:
                            destination[(plane * height * width)..<((plane + 1) * height * width)])
                        SeparableResampler.resampleColumns(
                            inPlane, into: scratch, rows: inHeight, channels: 1, weights: horizontal)
                        SeparableResampler.resampleRows(
                            UnsafeBufferPointer(scratch), into: outPlane, rowLength: width, weights: vertical)
                    }
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
        precondition(width > 0 && height > 0, "cannot resize an empty image")
        if newHeight == height && newWidth == width { return self }
        let horizontal = ResizeWeights(inputSize: width, outputSize: newWidth)
        let vertical = ResizeWeights(inputSize: height, outputSize: newHeight)

        var rowsResized = [Float](repeating: 0, count: height * newWidth * 3)
        var resized = [Float](repeating: 0, count: newHeight * newWidth * 3)
        pixels.withUnsafeBufferPointer { source in
            rowsResized.withUnsafeMutableBufferPointer { scratch in
                SeparableResampler.resampleColumns(source, into: scratch, rows: height, channels: 3, weights: horizontal)
            }
        }
        rowsResized.withUnsafeBufferPointer { scratch in
            resized.withUnsafeMutableBufferPointer { destination in
                SeparableResampler.resampleRows(scratch, into: destination, rowLength: newWidth * 3, weights: vertical)
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: resized.map(PixelByte.clamping))
    }
}
