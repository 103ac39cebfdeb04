// PNGDecoder: PNG bytes to 8-bit RGBA through libpng's simplified API (png_image), which handles
// every colour type, bit depth and Adam7 without setjmp. The size budget is enforced between
// reading the header and decoding, so a hostile header cannot make us allocate.

import CLibPNG

enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func decode(_ file: [UInt8], name: String, maxPixels: Int) throws(ImageError) -> RGBAImage {
        func failure(_ reason: String) -> ImageError { ImageError(.read, file: name, reason: reason) }

        guard !file.isEmpty, file.starts(with: signature.prefix(file.count)) else {
            throw failure("not a PNG file")
        }
        guard file.count > signature.count else {
            throw failure("file is truncated (\(file.count) bytes)")
        }
        let bytes = PNGChunkPatch.withoutColourSpaceChunks(file)

        var image = png_image()
        image.version = attn_png_image_version()
        // libpng keeps a pointer to `bytes` from begin_read until finish_read, so both calls stay
        // inside this closure.
        let result: Result<RGBAImage, ImageError> = bytes.withUnsafeBytes { memory in
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, memory.baseAddress, memory.count) != 0 else {
                return .failure(failure(message(of: image)))
            }
            let width = Int(image.width), height = Int(image.height)
            guard width * height <= maxPixels else {
                return .failure(failure(
                    "\(width)x\(height) image exceeds the memory budget of \(maxPixels) pixels"))
            }
            let sixteenBit = image.format & attn_png_format_flag_linear() != 0
            let decoded = sixteenBit && PNGChunkPatch.isInterlaced(bytes)
                ? finishWide(&image, width: width, height: height)
                : finishNarrow(&image, width: width, height: height)
            guard let decoded else { return .failure(failure(message(of: image))) }
            return .success(decoded)
        }
        return try result.get()
    }

    /// The direct path: libpng converts to straight 8-bit RGBA itself. Nil when libpng fails; its
    /// reason is then in `image.message`.
    private static func finishNarrow(_ image: inout png_image, width: Int, height: Int) -> RGBAImage? {
        image.format = attn_png_format_rgba()
        // Without this flag libpng treats 16-bit samples as linear light and gamma-encodes
        // them; with it (and no gamma chunks), 16 -> 8 bits is the plain rounding
        // (v * 255 + 32895) >> 16.
        image.flags |= attn_png_image_flag_16bit_srgb()
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { return nil }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// Interlaced 16-bit images only. The rework of png_image_finish_read's 16 -> 8 bit path in
    /// libpng's 2025-26 security fixes (backported to Debian's 1.6.39) corrupts Adam7 images
    /// (libpng issue #853); its 16-bit output is unaffected, so we take that and narrow it ourselves. With the gamma
    /// chunks hidden, libpng takes the samples as linear already and passes them through.
    private static func finishWide(_ image: inout png_image, width: Int, height: Int) -> RGBAImage? {
        image.format = attn_png_format_linear_rgb_alpha()
        var samples = [UInt16](repeating: 0, count: width * height * 4)
        let finished = samples.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { return nil }
        let pixels = PremultipliedRGBA16.straightRGBA8(samples)
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// libpng leaves its error text in a fixed char[64] inside the png_image.
    static func message(of image: png_image) -> String {
        var message = image.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng failed without a message" : text
    }
}
