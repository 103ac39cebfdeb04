// Widening of the 16-bit float formats to Float by bit manipulation, so the reader does not
// depend on Float16, which Swift lacks on some platforms (macOS on Intel).

/// IEEE 754 binary16 to binary32; exact for every input, NaN payloads kept.
func floatFromHalfBits(_ half: UInt16) -> Float {
    let sign = UInt32(half & 0x8000) << 16
    let exponent = UInt32(half >> 10) & 0x1F
    let mantissa = UInt32(half & 0x03FF)
    switch exponent {
    case 0:
        // Zero or subnormal: mantissa * 2^-24, which float32 holds exactly.
        let magnitude = Float(mantissa) * 0x1p-24
        return sign != 0 ? -magnitude : magnitude
    case 0x1F:
        return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
    default:
        // Rebias the exponent from 15 to 127.
        return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
    }
}

/// bfloat16 is the top half of a float32, so widening is a shift.
func floatFromBFloat16Bits(_ bits: UInt16) -> Float {
    Float(bitPattern: UInt32(bits) << 16)
}
