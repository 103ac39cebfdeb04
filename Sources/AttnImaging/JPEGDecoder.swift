// JPEGDecoder: JPEG bytes to 8-bit RGB through TurboJPEG (baseline, progressive, gray, YCbCr,
// CMYK/YCCK), shown upright by its EXIF orientation, as Pillow's open + exif_transpose +
// convert("RGB") gives it. The budget is enforced between reading the header and decoding: the
// size, the number of scans, and (through JPEGMemoryLimit) what libjpeg allocates inside.

import CTurboJPEG

enum JPEGDecoder {
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// More start-of-scan markers than any encoder writes (libjpeg-turbo's own tools refuse
    /// past 500 as well).
    static let maxScans = 500

    /// `memoryLimit` overrides what the budget allows libjpeg (for the tests).
    static func decode(_ bytes: [UInt8], name: String, budget: ImageBudget,
                       pass: DecodeAdmission.Pass? = nil, memoryLimit: Int? = nil) throws(ImageError) -> RGBImage {
        func failure(_ reason: String) -> ImageError { ImageError(.read, .jpeg, file: name, reason: reason) }

        guard !bytes.isEmpty, bytes.starts(with: signature.prefix(bytes.count)) else {
            throw failure("not a JPEG file")
        }
        guard bytes.count > signature.count else {
            throw failure("file is truncated (\(bytes.count) bytes)")
        }
        let memoryLimit = memoryLimit ?? JPEGMemoryLimit.bytes(for: budget)
        guard let handle = JPEGMemoryLimit.decompressor(limit: memoryLimit) else {
            throw failure("cannot create a TurboJPEG decompressor")
        }
        defer { tjDestroy(handle) }

        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colourspace)
        }
        // A fatal error after a warning also reads as a warning here; the decode below tells them
        // apart. A size of 0 would mean "the JPEG's own size" to tjDecompress2, past our buffer.
        guard header == 0 || isWarning(handle) else { throw failure(message(handle, memoryLimit: memoryLimit)) }
        guard width > 0 && height > 0 else { throw failure("the header holds no image size") }
        let w = Int(width), h = Int(height)
        if let refusal = budget.refusal(width: w, height: h) { throw failure(refusal) }
        let markers = JPEGMarkers(scanning: bytes)
        guard markers.reachesEnd else { throw failure("file is truncated (no end-of-image marker)") }
        guard markers.scanCount <= maxScans else {
            throw failure("\(markers.scanCount) scans, more than the \(maxScans) any encoder writes")
        }
        // The pixels, and a progressive file's coefficients (2 bytes each, about 3 a pixel).
        pass?.acquire(w * h * (markers.progressive ? 7 : 4))

        // libjpeg cannot turn CMYK into RGB; it hands over the stored samples and we convert.
        let cmyk = colourspace == Int32(TJCS_CMYK.rawValue) || colourspace == Int32(TJCS_YCCK.rawValue)
        let format = cmyk ? TJPF_CMYK : TJPF_RGB
        var samples = [UInt8](repeating: 0, count: w * h * (cmyk ? 4 : 3))
        func decompress(stoppingOnWarning: Bool) -> Int32 {
            bytes.withUnsafeBufferPointer { source in
                samples.withUnsafeMutableBufferPointer { destination in
                    // The accurate integer IDCT is what Pillow decodes with.
                    let flags = TJFLAG_ACCURATEDCT | (stoppingOnWarning ? TJFLAG_STOPONWARNING : 0)
                    return tjDecompress2(handle, source.baseAddress, UInt(source.count), destination.baseAddress,
                                         width, 0, height, Int32(format.rawValue), flags)
                }
            }
        }
        // TurboJPEG calls a decode that warned a warning even when a fatal error followed, and the
        // image would then be blank. So the first pass stops at a warning; only then a second one
        // goes past it. libjpeg formats the first warning only, so its text is still the message
        // at the end unless a fatal error replaced it.
        if decompress(stoppingOnWarning: true) != 0 {
            guard isWarning(handle) else { throw failure(message(handle, memoryLimit: memoryLimit)) }
            let warning = message(handle, memoryLimit: memoryLimit)
            guard decompress(stoppingOnWarning: false) == 0 || (isWarning(handle) && message(handle, memoryLimit: memoryLimit) == warning) else {
                throw failure(message(handle, memoryLimit: memoryLimit))
            }
        }
        let rgb = cmyk ? CMYKToRGB.convert(storedCMYK: samples) : samples
        return RGBImage(width: w, height: h, pixels: rgb).oriented(EXIFOrientation(tiff: markers.exif))
    }

    /// libjpeg's warnings (corrupt data, extraneous bytes before a marker, common in camera
    /// files) still leave a whole image, which Pillow accepts too; truncation, the one warning
    /// Pillow refuses, is caught by the marker walk instead. True also when a fatal error came
    /// after a warning.
    private static func isWarning(_ handle: tjhandle) -> Bool {
        tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue)
    }

    private static func message(_ handle: tjhandle, memoryLimit: Int) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "TurboJPEG failed without a message" }
        var message = Substring(String(cString: text))
        if message.contains(JPEGMemoryLimit.exceededMessage) {
            return "decoding needs more than \(memoryLimit) bytes (progressive JPEGs keep every coefficient; raise the limit with --max-pixels)"
        }
        // TurboJPEG's own errors start with the function's name, "tjDecompressHeader3(): ",
        // which says nothing to the user; libjpeg's messages pass through as they are.
        if message.hasPrefix("tj"), let end = message.range(of: "(): ") { message = message[end.upperBound...] }
        return message.isEmpty ? "TurboJPEG failed without a message" : String(message)
    }
}
