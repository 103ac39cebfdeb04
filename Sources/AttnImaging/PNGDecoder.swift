// PNGDecoder: PNG bytes to 8-bit RGB or RGBA through libpng's simplified API (png_image), which
// handles every colour type, bit depth and Adam7 without setjmp. The budget is enforced between
// reading the header and decoding, so a hostile header cannot make us allocate; chunk lengths
// are screened before libpng sees them. Opaque images are decoded straight to RGB and images with
// alpha are composited in their own buffer, so a picture costs 3 or 4 bytes a pixel, not 7.

import CLibPNG

enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Straight 8-bit RGBA.
    static func decode(_ file: consuming [UInt8], name: String, budget: ImageBudget) throws(ImageError) -> RGBAImage {
        try decode(file, name: name, budget: budget) { image, width, height, _, wide in
            finishRGBA(&image, width: width, height: height, wide: wide)
        }
    }

    /// 8-bit RGB, alpha composited over gray 127 (see RGBAImage.composited).
    static func decodeRGB(_ file: consuming [UInt8], name: String, budget: ImageBudget,
                          pass: DecodeAdmission.Pass? = nil) throws(ImageError) -> RGBImage {
        try decode(file, name: name, budget: budget, pass: pass) { image, width, height, hasAlpha, wide in
            if !hasAlpha && !wide {
                return finishRGB(&image, width: width, height: height)
            }
            guard var rgba = finishRGBA(&image, width: width, height: height, wide: wide) else { return nil }
            return rgba.compositedInPlace(overGray: 127)
        }
    }

    private static func decode<Output>(
        _ file: consuming [UInt8], name: String, budget: ImageBudget, pass: DecodeAdmission.Pass? = nil,
        finish: (_ image: inout png_image, _ width: Int, _ height: Int, _ hasAlpha: Bool, _ wide: Bool) -> Output?
    ) throws(ImageError) -> Output {
        func failure(_ reason: String) -> ImageError { ImageError(.read, file: name, reason: reason) }

        var bytes = file
        guard !bytes.isEmpty, bytes.starts(with: signature.prefix(bytes.count)) else {
            throw failure("not a PNG file")
        }
        guard bytes.count > signature.count else {
            throw failure("file is truncated (\(bytes.count) bytes)")
        }
        if let refusal = PNGChunkScreen.screen(&bytes) { throw failure(refusal) }
        let interlaced = PNGChunkScreen.isInterlaced(bytes)

        var image = png_image()
        image.version = attn_png_image_version()
        // libpng keeps a pointer to `bytes` from begin_read until finish_read, so both calls stay
        // inside this closure.
        let result: Result<Output, ImageError> = bytes.withUnsafeBytes { memory in
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, memory.baseAddress, memory.count) != 0 else {
                return .failure(failure(message(of: image)))
            }
            let width = Int(image.width), height = Int(image.height)
            if let refusal = budget.refusal(width: width, height: height) { return .failure(failure(refusal)) }
            let hasAlpha = image.format & attn_png_format_flag_alpha() != 0
            pass?.acquire(width * height * 4)
            let wide = interlaced && image.format & attn_png_format_flag_linear() != 0
            guard let decoded = finish(&image, width, height, hasAlpha, wide) else { return .failure(failure(message(of: image))) }
            return .success(decoded)
        }
        return try result.get()
    }

    /// RGBA, through the wide path for interlaced 16-bit images (see finishWide).
    private static func finishRGBA(_ image: inout png_image, width: Int, height: Int, wide: Bool) -> RGBAImage? {
        wide ? finishWide(&image, width: width, height: height) : finishNarrow(&image, width: width, height: height)
    }

    /// The direct path: libpng converts to straight 8-bit RGBA itself. Nil when libpng fails; its
    /// reason is then in `image.message`.
    private static func finishNarrow(_ image: inout png_image, width: Int, height: Int) -> RGBAImage? {
        guard let pixels = finish(&image, format: attn_png_format_rgba(), count: width * height * 4) else { return nil }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// An opaque image straight to RGB: the same samples as the RGBA path without the alpha byte.
    private static func finishRGB(_ image: inout png_image, width: Int, height: Int) -> RGBImage? {
        guard let pixels = finish(&image, format: attn_png_format_rgb(), count: width * height * 3) else { return nil }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    private static func finish(_ image: inout png_image, format: UInt32, count: Int) -> [UInt8]? {
        image.format = format
        // Without this flag libpng treats 16-bit samples as linear light and gamma-encodes
        // them; with it (and no gamma chunks), 16 -> 8 bits is the plain rounding
        // (v * 255 + 32895) >> 16.
        image.flags |= attn_png_image_flag_16bit_srgb()
        var pixels = [UInt8](repeating: 0, count: count)
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        return finished != 0 ? pixels : nil
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

    /// libpng leaves its error text in a fixed char[64] inside the png_image. Its one message
    /// for a file that ends between chunks (the screen has checked every chunk that is there)
    /// says what happened in libpng's terms; this says it in the file's.
    static func message(of image: png_image) -> String {
        var message = image.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if text == "read beyond end of data" { return "file is truncated: it ends before the image data does" }
        return text.isEmpty ? "libpng failed without a message" : text
    }
}
