// SafeTensorsDecoder: turns the bytes of a whole safetensors file into a SafeTensorsFile,
// checking the length prefix, the header and the layout before touching any tensor data, so a
// corrupt file fails with a message instead of a read past the end of the buffer.
import AttnEngine

enum SafeTensorsDecoder {
    /// Larger headers are refused outright, as the reference implementation does: no real
    /// checkpoint needs one, and a corrupt prefix should not make us parse a huge buffer as JSON.
    static let maxHeaderLength = 100_000_000
    static let lengthPrefixSize = 8

    static func decode(_ file: UnsafeRawBufferPointer) throws -> SafeTensorsFile {
        guard file.count >= lengthPrefixSize else {
            throw SafeTensorsError(.fileTooShort, byteOffset: 0,
                                   "file is \(file.count) bytes, too short for the 8-byte header length at byte offset 0")
        }
        let headerLength = UInt64(littleEndian: file.loadUnaligned(as: UInt64.self))
        // A length that does not fit, with no JSON object after it: another kind of file altogether.
        let startsLikeJSON = file.count > lengthPrefixSize && file[lengthPrefixSize] == UInt8(ascii: "{")
        guard startsLikeJSON || headerLength <= UInt64(min(maxHeaderLength, file.count - lengthPrefixSize)) else {
            throw SafeTensorsError(.notSafeTensors, byteOffset: 0, "not a safetensors file (\(whatItLooksLike(file)))")
        }
        guard headerLength <= UInt64(maxHeaderLength) else {
            throw SafeTensorsError(.headerLengthOutOfRange, byteOffset: 0,
                                   "header length \(headerLength) at byte offset 0 exceeds the limit of "
                                       + "\(maxHeaderLength) bytes")
        }
        let dataStart = lengthPrefixSize + Int(headerLength)
        guard dataStart <= file.count else {
            throw SafeTensorsError(.headerLengthOutOfRange, byteOffset: 0,
                                   "header length \(headerLength) at byte offset 0 runs past the end of the "
                                       + "\(file.count)-byte file")
        }

        let header = try SafeTensorsHeader.parse(
            UnsafeRawBufferPointer(rebasing: file[lengthPrefixSize..<dataStart]), byteOffset: lengthPrefixSize)
        try SafeTensorsLayout.validate(header.entries, dataStart: dataStart, dataLength: file.count - dataStart)

        var result = SafeTensorsFile(tensors: [:], metadata: header.metadata, dtypes: [:])
        for entry in header.entries {
            let bytes = UnsafeRawBufferPointer(rebasing: file[(dataStart + entry.begin)..<(dataStart + entry.end)])
            let values = ElementConversion.floats(from: bytes, dtype: entry.dtype)
            result.tensors[entry.key] = Tensor(shape: entry.shape, data: values)
            result.dtypes[entry.key] = entry.dtype
        }
        return result
    }

    /// A guess at what the bytes are, for the error.
    static func whatItLooksLike(_ file: UnsafeRawBufferPointer) -> String {
        let head = Array(file.prefix(WeightFormat.sniffLength))
        let format = WeightFormat.sniff(head)
        if format.isCheckpoint { return format.summary }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        return "no JSON header after the 8-byte length"
    }
}
