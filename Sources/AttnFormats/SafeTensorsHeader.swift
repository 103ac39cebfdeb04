// SafeTensorsHeader: the JSON header of a safetensors file, parsed and checked entry by entry
// (dtype known, shape of non-negative integers, two integer data_offsets). Whether the offsets
// fit the data section is SafeTensorsLayout's job, since it needs the file's size.
import AttnText
import Foundation

/// One tensor's header entry, offsets still relative to the data section.
struct SafeTensorsEntry {
    var key: String
    var dtype: SafeTensorsDType
    var shape: [Int]
    var begin: Int
    var end: Int
    /// product(shape) * dtype size, checked for overflow.
    var byteCount: Int
}

struct SafeTensorsHeader {
    static let metadataKey = "__metadata__"
    /// Dimensions of one tensor, as for checkpoints.
    static let maxDimensions = CheckpointLimits.maxDimensions

    /// Sorted by key, so that when several entries are broken the first reported is stable.
    var entries: [SafeTensorsEntry]
    var metadata: [String: String]

    /// Parses the header bytes found at `byteOffset` in the file.
    static func parse(_ bytes: UnsafeRawBufferPointer, byteOffset: Int) throws -> SafeTensorsHeader {
        let place = "header (\(bytes.count) bytes at byte offset \(byteOffset))"
        // JSONSerialization would also accept UTF-16 and UTF-32; the format says UTF-8.
        if !String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes) {
            throw SafeTensorsError(.invalidHeader, byteOffset: byteOffset, "\(place) is not valid UTF-8")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                ?? error.localizedDescription
            throw SafeTensorsError(.invalidHeader, byteOffset: byteOffset, "\(place) is not valid JSON: \(DisplayText.escaped(reason))")
        }
        guard let object = json as? [String: Any] else {
            throw SafeTensorsError(.invalidHeader, byteOffset: byteOffset, "\(place) is not a JSON object")
        }

        var metadata: [String: String] = [:]
        if let rawMetadata = object[metadataKey] {
            metadata = try parseMetadata(rawMetadata, place: place, byteOffset: byteOffset)
        }
        let entries = try object.keys.sorted().filter { $0 != metadataKey }.map { key in
            try parseEntry(key: key, object[key]!)
        }
        return SafeTensorsHeader(entries: entries, metadata: metadata)
    }

    private static func parseMetadata(_ value: Any, place: String, byteOffset: Int) throws -> [String: String] {
        guard let object = value as? [String: Any] else {
            throw SafeTensorsError(.invalidHeader, byteOffset: byteOffset,
                                   "\(place): \"\(metadataKey)\" is not a JSON object")
        }
        var metadata: [String: String] = [:]
        for (key, value) in object {
            guard let string = value as? String else {
                throw SafeTensorsError(.invalidHeader, byteOffset: byteOffset,
                                       "\(place): \"\(metadataKey)\" value for \(quotedKey(key)) is not a string")
            }
            metadata[key] = string
        }
        return metadata
    }

    private static func parseEntry(key: String, _ value: Any) throws -> SafeTensorsEntry {
        let name = "tensor \(quotedKey(key))"
        func invalid(_ problem: String) -> SafeTensorsError {
            SafeTensorsError(.invalidEntry, tensor: key, "\(name) in the header \(problem)")
        }
        guard let fields = value as? [String: Any] else { throw invalid("is not a JSON object") }
        guard let rawDType = fields["dtype"] else { throw invalid("lacks \"dtype\"") }
        guard let rawShape = fields["shape"] else { throw invalid("lacks \"shape\"") }
        guard let rawOffsets = fields["data_offsets"] else { throw invalid("lacks \"data_offsets\"") }

        guard let dtypeName = rawDType as? String else { throw invalid("has a \"dtype\" that is not a string") }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            throw SafeTensorsError(.unknownDType, tensor: key, "\(name) has unknown dtype \"\(DisplayText.escaped(dtypeName))\"")
        }

        guard let shapeValues = rawShape as? [Any] else { throw invalid("has a \"shape\" that is not an array") }
        var shape: [Int] = []
        for value in shapeValues {
            guard let dimension = jsonInteger(value), dimension >= 0 else {
                throw SafeTensorsError(.invalidShape, tensor: key,
                                       "\(name) shape \(jsonText(shapeValues)) has \(jsonText(value)), "
                                           + "not a non-negative integer")
            }
            shape.append(dimension)
        }

        guard let offsetValues = rawOffsets as? [Any], offsetValues.count == 2,
              let begin = jsonInteger(offsetValues[0]), let end = jsonInteger(offsetValues[1]),
              begin >= 0, end >= 0
        else {
            throw SafeTensorsError(.invalidOffsets, tensor: key,
                                   "\(name) data_offsets \(jsonText(rawOffsets)) are not two non-negative integers")
        }

        guard shape.count <= maxDimensions else {
            throw SafeTensorsError(.invalidShape, tensor: key,
                                   "\(name) shape has \(shape.count) dimensions, more than \(maxDimensions)")
        }
        // Checked with the zero dimensions left out too, so that the shape is safe to multiply
        // in any order later, even when it holds no elements.
        guard let byteCount = ([dtype.byteSize] + shape).checkedProduct else {
            throw SafeTensorsError(.invalidShape, tensor: key,
                                   "\(name) shape \(shapeText(shape)) is too large to address")
        }
        return SafeTensorsEntry(key: key, dtype: dtype, shape: shape, begin: begin, end: end, byteCount: byteCount)
    }
}

/// A JSON number that is an integer, as Int. JSONSerialization hands back NSNumber for integers,
/// floats and booleans alike, so the number's stored type decides: 2.0 and true are not shapes.
func jsonInteger(_ value: Any) -> Int? {
    guard let number = value as? NSNumber, !(number is NSDecimalNumber) else { return nil }
    switch String(cString: number.objCType) {
    case "s", "i", "l", "q": return Int(exactly: number.int64Value)
    case "S", "I", "L", "Q": return Int(exactly: number.uint64Value)
    default: return nil  // "c" is how booleans report; "f" and "d" are floats
    }
}

/// A shape as messages show it ("[2, 3]"), cut to a message's length.
func shapeText(_ shape: [Int]) -> String {
    DisplayText.escaped(String(describing: shape))
}

/// A parsed JSON value written back compactly, for quoting it in an error message (escaped and
/// cut, since it is the file's text).
func jsonText(_ value: Any) -> String {
    if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]),
       let text = String(data: data, encoding: .utf8) {
        return DisplayText.escaped(text)
    }
    return DisplayText.escaped(String(describing: value))
}
