// PNGEncoder: 8-bit RGB or RGBA pixels to PNG bytes through libpng's simplified write API.
// Encoding to memory (and writing the file ourselves) keeps file-system errors in our words.

import CLibPNG

enum PNGEncoder {
    static func encode(_ pixels: [UInt8], width: Int, height: Int, channels: Int, name: String) throws(ImageError) -> [UInt8] {
        func failure(_ reason: String) -> ImageError { ImageError(.write, file: name, reason: reason) }
        // PNG caps each dimension at 2^31 - 1, and libpng's row stride is a 32-bit int.
        guard width > 0, height > 0, width * channels <= Int(Int32.max), height <= Int(Int32.max) else {
            throw failure("cannot store a \(width)x\(height) image in a PNG")
        }

        var image = png_image()
        image.version = attn_png_image_version()
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = channels == 4 ? attn_png_format_rgba() : attn_png_format_rgb()
        defer { png_image_free(&image) }

        // A first guess that fits almost any image; libpng reports the exact size when it does not.
        var capacity = pixels.count + pixels.count / 8 + height + 4096
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            var size = capacity
            let ok = output.withUnsafeMutableBytes { out in
                pixels.withUnsafeBytes { source in
                    png_image_write_to_memory(&image, out.baseAddress, &size, 0, source.baseAddress, 0, nil)
                }
            }
            if ok != 0 {
                output.removeSubrange(size...)
                return output
            }
            // On failure a grown `size` means only the buffer was too small.
            guard size > capacity else { throw failure(PNGDecoder.message(of: image)) }
            capacity = size
        }
        throw failure("libpng kept asking for a larger output buffer")
    }
}
