// ImageCanvas: drawing pictures with half blocks: each cell shows two pixels, the upper as the
// foreground of "▀" and the lower as its background. Used for the image with a map blended over
// it, and for heatmaps that are not tied to the image.
import AttnEngine
import AttnImaging

struct ImageCanvas {
    /// The largest width x (2*height) pixel box of the image's aspect ratio inside `rect`, centred.
    static func fit(imageWidth: Int, imageHeight: Int, in rect: Rect) -> (rect: Rect, pixelWidth: Int, pixelHeight: Int) {
        let maxW = max(1, rect.width), maxH = max(2, rect.height * 2)
        let scale = min(Double(maxW) / Double(imageWidth), Double(maxH) / Double(imageHeight))
        let pw = max(1, min(maxW, Int((Double(imageWidth) * scale).rounded())))
        let ph = max(2, min(maxH, Int((Double(imageHeight) * scale).rounded())))
        let cells = Rect(x: rect.x + (rect.width - pw) / 2, y: rect.y + (rect.height - (ph + 1) / 2) / 2,
                         width: pw, height: (ph + 1) / 2)
        return (cells, pw, ph)
    }

    /// A (h, w) plane resized (bilinear) to pixelHeight x pixelWidth.
    static func upsample(_ plane: Tensor, width: Int, height: Int) -> [Float] {
        let (h, w) = (plane.shape[plane.rank - 2], plane.shape[plane.rank - 1])
        return plane.reshaped([1, 1, h, w]).resizedBilinear(height: height, width: width).data
    }

    /// Draws the image, with `overlay` (pixel values in 0...1 already, or nil) coloured and blended.
    static func draw(
        into screen: inout Screen, rect: Rect, pixelWidth: Int, pixelHeight: Int, image: RGBImage?,
        overlay: [Float]?, colormap: Colormap, alpha: Float
    ) {
        let pixels = image?.resizedBilinear(height: pixelHeight, width: pixelWidth)
        func color(_ x: Int, _ y: Int) -> RGB {
            guard y < pixelHeight else { return Screen.defaultBackground }
            let i = y * pixelWidth + x
            let base = pixels.map { p in RGB(p.pixels[3 * i], p.pixels[3 * i + 1], p.pixels[3 * i + 2]) } ?? Screen.defaultBackground
            // NaN marks pixels the map does not cover (outside ACmix's window): the image alone.
            guard let overlay, !overlay[i].isNaN else { return base }
            let mapped = colormap.color(overlay[i])
            return image == nil ? mapped : RGB.mix(base, mapped, alpha)
        }
        for row in 0..<rect.height {
            for column in 0..<pixelWidth {
                screen[rect.x + column, rect.y + row] = Cell("▀", foreground: color(column, 2 * row), background: color(column, 2 * row + 1))
            }
        }
    }

    /// A heatmap of a (rows, columns) matrix stretched over `rect` (nearest sampling).
    static func heatmap(
        into screen: inout Screen, rect: Rect, values: Tensor, range: ValueRange, colormap: Colormap
    ) {
        let (rows, columns) = (values.shape[0], values.shape[1])
        let ph = rect.height * 2
        func color(_ x: Int, _ y: Int) -> RGB {
            let r = min(rows - 1, y * rows / max(1, ph)), c = min(columns - 1, x * columns / max(1, rect.width))
            return colormap.color(range.unit(values.data[r * columns + c]))
        }
        for row in 0..<rect.height {
            for column in 0..<rect.width {
                screen[rect.x + column, rect.y + row] = Cell("▀", foreground: color(column, 2 * row), background: color(column, 2 * row + 1))
            }
        }
    }
}
