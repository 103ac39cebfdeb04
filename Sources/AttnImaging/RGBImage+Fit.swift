// RGBImage+Fit: an image shrunk (antialiased, aspect kept) to fit a square box, for what is drawn
// from it rather than fed to a network: the TUI's preview and the picture under exported figures,
// so their cost follows the box and not a 48-megapixel photo.

extension RGBImage {
    /// This image if it fits `side` x `side`, else shrunk so that its longer side is `side`.
    public func fitted(withinSide side: Int) -> RGBImage {
        precondition(side > 0, "cannot fit an image within \(side) pixels")
        let longest = max(width, height)
        guard longest > side else { return self }
        let scale = Double(side) / Double(longest)
        return resizedBilinear(height: max(1, Int((Double(height) * scale).rounded())),
                               width: max(1, Int((Double(width) * scale).rounded())))
    }
}
