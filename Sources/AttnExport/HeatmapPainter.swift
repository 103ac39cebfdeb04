// HeatmapPainter: a map over its image at the image's own resolution: the (h, w) map enlarged
// bilinearly (align_corners=False, as F.interpolate; antialiased where it shrinks), coloured,
// and blended over the pixels with the overlay strength. CoordAtt's view adds its two strips,
// a_h left of the image and a_w below it, as the TUI draws them.
import AttnEngine
import AttnImaging
import AttnTUI

enum HeatmapPainter {
    static func overImage(_ plane: Tensor, image: RGBImage, range: ValueRange, _ state: ViewState) -> Canvas {
        var canvas = Canvas(width: image.width, height: image.height, background: .black)
        paint(plane, over: image, into: &canvas, x: 0, y: 0, range: range, colormap: state.colormap, alpha: state.overlay)
        return canvas
    }

    /// The strips are a 24th of the image's shorter side thick (at least 4 pixels), set apart by a gap.
    static func stripGeometry(imageWidth: Int, imageHeight: Int) -> (thickness: Int, gap: Int) {
        let thickness = max(4, min(imageWidth, imageHeight) / 24)
        return (thickness, max(2, thickness / 3))
    }

    static func strips(h: Tensor, w: Tensor, image: RGBImage, scales: (strips: ViewScale, product: ViewScale), _ state: ViewState) -> Canvas {
        let (ah, aw, product) = ViewValues.strips(h: h, w: w, channel: state.channel)
        let (thickness, gap) = stripGeometry(imageWidth: image.width, imageHeight: image.height)
        let left = thickness + gap
        var canvas = Canvas(width: left + image.width, height: image.height + gap + thickness, background: PictureBand.background)
        paint(product, over: image, into: &canvas, x: left, y: 0, range: scales.product.range, colormap: state.colormap, alpha: state.overlay)
        let strip = scales.strips.range
        let column = upsample(Tensor(shape: [ah.count, 1], data: ah), width: 1, height: image.height)
        for y in 0..<image.height {
            canvas.fill(x: 0, y: y, width: thickness, height: 1, state.colormap.color(strip.unit(column[y])))
        }
        let row = upsample(Tensor(shape: [1, aw.count], data: aw), width: image.width, height: 1)
        for x in 0..<image.width {
            canvas.fill(x: left + x, y: image.height + gap, width: 1, height: thickness, state.colormap.color(strip.unit(row[x])))
        }
        return canvas
    }

    /// A (h, w) plane resized to height x width.
    static func upsample(_ plane: Tensor, width: Int, height: Int) -> [Float] {
        let (h, w) = (plane.shape[plane.rank - 2], plane.shape[plane.rank - 1])
        return plane.reshaped([1, 1, h, w]).resizedBilinear(height: height, width: width).data
    }

    static func paint(_ plane: Tensor, over image: RGBImage, into canvas: inout Canvas, x: Int, y: Int,
                      range: ValueRange, colormap: Colormap, alpha: Float) {
        let values = upsample(plane, width: image.width, height: image.height)
        for row in 0..<image.height {
            for column in 0..<image.width {
                let i = row * image.width + column
                let base = RGB(image.pixels[3 * i], image.pixels[3 * i + 1], image.pixels[3 * i + 2])
                canvas[x + column, y + row] = RGB.mix(base, colormap.color(range.unit(values[i])), alpha)
            }
        }
    }
}
