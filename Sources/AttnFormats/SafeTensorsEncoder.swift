// SafeTensorsEncoder: writes tensors as float32 in the layout PyTorch's safetensors writes:
// keys in byte order, data stored contiguously in that order, header padded with spaces to a
// multiple of 8 bytes so that the data section starts aligned.
import AttnEngine

enum SafeTensorsEncoder {
    static func encode(_ tensors: [String: Tensor], metadata: [String: String]) -> [UInt8] {
        precondition(tensors[SafeTensorsHeader.metadataKey] == nil,
                     "\"\(SafeTensorsHeader.metadataKey)\" is reserved and cannot name a tensor")
        // Byte order of the UTF-8, as Rust sorts strings; Swift's String ordering can differ
        // outside ASCII.
        let keys = tensors.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }

        var fields: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { "\(jsonStringLiteral($0)):\(jsonStringLiteral(metadata[$0]!))" }
            fields.append("\(jsonStringLiteral(SafeTensorsHeader.metadataKey)):{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for key in keys {
            let tensor = tensors[key]!
            let end = offset + tensor.count * SafeTensorsDType.F32.byteSize
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            fields.append("\(jsonStringLiteral(key)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
                          + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }

        var header = Array("{\(fields.joined(separator: ","))}".utf8)
        header += [UInt8](repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes += $0 }
        bytes += header
        for key in keys {
            for value in tensors[key]!.data {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
            }
        }
        return bytes
    }
}
