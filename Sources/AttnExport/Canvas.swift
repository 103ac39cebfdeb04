// Canvas: an 8-bit RGB raster that exported figures are painted into (rectangles, pixels, text
// in the built-in bitmap font), then written as a PNG. Everything outside the canvas is clipped,
// so the painters need not check bounds.
import AttnImaging
import AttnTUI

struct Canvas {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: RGB) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fill(x: 0, y: 0, width: width, height: height, background)
    }

    var image: RGBImage { RGBImage(width: width, height: height, pixels: pixels) }

    subscript(x: Int, y: Int) -> RGB {
        get {
            let i = 3 * (y * width + x)
            return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let i = 3 * (y * width + x)
            pixels[i] = newValue.r; pixels[i + 1] = newValue.g; pixels[i + 2] = newValue.b
        }
    }

    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ color: RGB) {
        let (x0, y0) = (max(0, x), max(0, y))
        let (x1, y1) = (min(width, x + w), min(height, y + h))
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for column in x0..<x1 { self[column, row] = color }
        }
    }

    /// Copies `picture` with its top-left corner at (x, y).
    mutating func draw(_ picture: RGBImage, x: Int, y: Int) {
        for row in 0..<picture.height {
            for column in 0..<picture.width {
                let i = 3 * (row * picture.width + column)
                self[x + column, y + row] = RGB(picture.pixels[i], picture.pixels[i + 1], picture.pixels[i + 2])
            }
        }
    }

    /// Text in the bitmap font with its top-left corner at (x, y), each font pixel scale x scale.
    mutating func text(_ text: String, x: Int, y: Int, scale: Int, _ color: RGB) {
        BitmapFont.forEachPixel(of: text, scale: scale) { px, py in self[x + px, y + py] = color }
    }

    /// Text right-aligned so that it ends at `right`.
    mutating func text(_ text: String, right: Int, y: Int, scale: Int, _ color: RGB) {
        self.text(text, x: right - Self.textWidth(text, scale: scale), y: y, scale: scale, color)
    }

    static func textWidth(_ text: String, scale: Int) -> Int { BitmapFont.width(of: text) * scale }
    static func textHeight(scale: Int) -> Int { BitmapFont.glyphHeight * scale }
}
