// Widening of raw little-endian tensor bytes of any supported dtype to Float, the one element
// type the engine computes in.

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
}
