// CenterCrop: torchvision's center_crop for tensors and RGB images. The offset is
// round((size - crop) / 2) with Python's round-half-to-even, so an odd margin of 5 puts 2 pixels
// before the crop and 3 after, but a margin of 3 puts 2 before and 1 after.

import AttnEngine

enum CenterCropOffset {
    static func offset(size: Int, crop: Int) -> Int {
        precondition(crop > 0 && crop <= size, "cannot centre-crop \(size) pixels to \(crop)")
        return Int((Double(size - crop) / 2).rounded(.toNearestOrEven))
    }
}

extension Tensor {
    /// Crops the last two axes (height, width) around the centre; leading axes are kept.
    public func centerCropped(height: Int, width: Int) -> Tensor {
        precondition(rank >= 2, "centre crop needs at least two axes, got \(shape)")
        let inHeight = shape[rank - 2], inWidth = shape[rank - 1]
        let top = CenterCropOffset.offset(size: inHeight, crop: height)
        let left = CenterCropOffset.offset(size: inWidth, crop: width)
        let planes = shape.dropLast(2).reduce(1, *)
        var cropped = [Float]()
        cropped.reserveCapacity(planes * height * width)
        for plane in 0..<planes {
            for y in 0..<height {
                let rowStart = (plane * inHeight + top + y) * inWidth + left
                cropped.append(contentsOf: data[rowStart..<(rowStart + width)])
            }
        }
        return Tensor(shape: shape.dropLast(2) + [height, width], data: cropped)
    }
}

extension RGBImage {
    public func centerCropped(height newHeight: Int, width newWidth: Int) -> RGBImage {
        let top = CenterCropOffset.offset(size: height, crop: newHeight)
        let left = CenterCropOffset.offset(size: width, crop: newWidth)
        var cropped = [UInt8]()
        cropped.reserveCapacity(newHeight * newWidth * 3)
        for y in 0..<newHeight {
            let rowStart = ((top + y) * width + left) * 3
            cropped.append(contentsOf: pixels[rowStart..<(rowStart + newWidth * 3)])
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: cropped)
    }
}

extension RGBImage {
    /// torchvision's Resize((height, width)) then CenterCrop((cropHeight, cropWidth)), computing
    /// only the pixels the crop keeps: the same bytes, without the resized image in memory.
    public func resizedBilinear(height newHeight: Int, width newWidth: Int,
                                centreCroppedTo cropHeight: Int, _ cropWidth: Int) -> RGBImage {
        let top = CenterCropOffset.offset(size: newHeight, crop: cropHeight)
        let left = CenterCropOffset.offset(size: newWidth, crop: cropWidth)
        return resizedBilinear(height: newHeight, width: newWidth,
                               rows: top..<(top + cropHeight), columns: left..<(left + cropWidth))
    }
}
