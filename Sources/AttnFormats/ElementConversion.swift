// Widening of raw little-endian tensor bytes of any supported dtype to Float, the one element
// type the engine computes in: contiguous (safetensors, most checkpoint tensors) or gathered
// through a strided view (a checkpoint's transposed or sliced tensors).

enum ElementConversion {
    /// `raw` holds whole elements of `dtype`; the layout check has made sure of that.
    static func floats(from raw: UnsafeRawBufferPointer, dtype: SafeTensorsDType) -> [Float] {
        switch dtype {
        case .F32: widen(raw, UInt32.self) { Float(bitPattern: $0) }
        case .F16: widen(raw, UInt16.self, floatFromHalfBits)
        case .BF16: widen(raw, UInt16.self, floatFromBFloat16Bits)
        case .F64: widen(raw, UInt64.self) { Float(Double(bitPattern: $0)) }
        case .I64: widen(raw, Int64.self) { Float($0) }
        case .I32: widen(raw, Int32.self) { Float($0) }
        case .I16: widen(raw, Int16.self) { Float($0) }
        case .I8: widen(raw, Int8.self) { Float($0) }
        case .U8: widen(raw, UInt8.self) { Float($0) }
        case .BOOL: widen(raw, UInt8.self) { $0 == 0 ? 0 : 1 }
        }
    }

    /// The elements of `layout` in row-major order. The caller has checked that `layout.last`
    /// is an element of `storage`.
    static func floats(from storage: UnsafeRawBufferPointer, dtype: SafeTensorsDType, layout: StridedLayout) -> [Float] {
        // An empty view's offset is never checked against the storage (torch allows any).
        guard layout.count > 0 else { return [] }
        if let range = layout.contiguousRange {
            let size = dtype.byteSize
            return floats(from: UnsafeRawBufferPointer(rebasing: storage[(range.lowerBound * size)..<(range.upperBound * size)]),
                          dtype: dtype)
        }
        switch dtype {
        case .F32: return gather(storage, layout, UInt32.self) { Float(bitPattern: $0) }
        case .F16: return gather(storage, layout, UInt16.self, floatFromHalfBits)
        case .BF16: return gather(storage, layout, UInt16.self, floatFromBFloat16Bits)
        case .F64: return gather(storage, layout, UInt64.self) { Float(Double(bitPattern: $0)) }
        case .I64: return gather(storage, layout, Int64.self) { Float($0) }
        case .I32: return gather(storage, layout, Int32.self) { Float($0) }
        case .I16: return gather(storage, layout, Int16.self) { Float($0) }
        case .I8: return gather(storage, layout, Int8.self) { Float($0) }
        case .U8: return gather(storage, layout, UInt8.self) { Float($0) }
        case .BOOL: return gather(storage, layout, UInt8.self) { $0 == 0 ? 0 : 1 }
        }
    }

    private static func widen<Stored: FixedWidthInteger>(
        _ raw: UnsafeRawBufferPointer, _: Stored.Type, _ convert: (Stored) -> Float
    ) -> [Float] {
        let stride = MemoryLayout<Stored>.size
        let count = raw.count / stride
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                // loadUnaligned: tensors in the data section need not be aligned in memory.
                let stored = Stored(littleEndian: raw.loadUnaligned(fromByteOffset: i * stride, as: Stored.self))
                buffer[i] = convert(stored)
            }
            initialized = count
        }
    }

    /// An odometer over the outer dimensions and a plain loop over the innermost one. Offsets
    /// only step within 0...layout.last (an index wraps by subtracting what it added), so no
    /// sum can overflow.
    private static func gather<Stored: FixedWidthInteger>(
        _ storage: UnsafeRawBufferPointer, _ layout: StridedLayout, _: Stored.Type, _ convert: (Stored) -> Float
    ) -> [Float] {
        let width = MemoryLayout<Stored>.size
        let outer = Array(layout.dimensions.dropLast())
        // Not contiguous, so there is at least one dimension.
        let inner = layout.dimensions[layout.dimensions.count - 1]
        return [Float](unsafeUninitializedCapacity: layout.count) { buffer, initialized in
            var index = [Int](repeating: 0, count: outer.count)
            var source = layout.base, o = 0
            while true {
                for j in 0..<inner.size {
                    let at = (source + j * inner.stride) * width
                    buffer[o + j] = convert(Stored(littleEndian: storage.loadUnaligned(fromByteOffset: at, as: Stored.self)))
                }
                o += inner.size
                var d = outer.count - 1
                while d >= 0 {
                    if index[d] + 1 < outer[d].size {
                        index[d] += 1
                        source += outer[d].stride
                        break
                    }
                    source -= index[d] * outer[d].stride
                    index[d] = 0
                    d -= 1
                }
                if d < 0 { break }
            }
            initialized = layout.count
        }
    }
}
