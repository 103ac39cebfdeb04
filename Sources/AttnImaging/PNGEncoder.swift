// PNGEncoder: 8-bit RGB or RGBA pixels to PNG bytes through libpng, with the zlib level and row
// filters of the chosen compression (the C side, in CLibPNG's shim, turns libpng's longjmp
// errors into a return code). Encoding to memory (and writing the file ourselves) keeps
// file-system errors in our words.

import CLibPNG

enum PNGEncoder {
    static func encode(_ pixels: [UInt8], width: Int, height: Int, channels: Int, compression: PNG.Compression,
                       name: String) throws(ImageError) -> [UInt8] {
        func failure(_ reason: String) -> ImageError { ImageError(.write, file: name, reason: reason) }
        // PNG caps each dimension at 2^31 - 1, and libpng's row stride is a 32-bit int.
        guard width > 0, height > 0, width * channels <= Int(Int32.max), height <= Int(Int32.max) else {
            throw failure("cannot store a \(width)x\(height) image in a PNG")
        }
        let (level, filter): (Int32, Int32) = switch compression {
        case .small: (6, attn_png_all_filters())
        case .fast: (2, attn_png_filter_paeth())
        }
        var output = attn_png_output()
        let ok = pixels.withUnsafeBufferPointer {
            attn_png_encode($0.baseAddress, UInt32(width), UInt32(height), Int32(channels), level, filter, &output)
        }
        defer { free(output.bytes) }
        guard ok != 0, let bytes = output.bytes else {
            let message = withUnsafeBytes(of: &output.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw failure(message.isEmpty ? "libpng failed without a message" : message)
        }
        return Array(UnsafeBufferPointer(start: bytes, count: output.size))
    }
}
