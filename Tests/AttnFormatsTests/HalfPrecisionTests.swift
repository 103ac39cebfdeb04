// The F16 and BF16 widening against known bit patterns and, where Swift has Float16, against
// the platform's own conversion for all 65536 inputs.
@testable import AttnFormats
import Testing

@Suite struct HalfPrecisionTests {
    @Test(arguments: [
        (UInt16(0x3C00), Float(1)), (0xC000, -2), (0x7BFF, 65504), (0x0001, 0x1p-24), (0x03FF, 0x3FFp-24),
        (0x0400, 0x1p-14), (0x3555, 0x1.554p-2), (0x0000, 0), (0x7C00, .infinity), (0xFC00, -.infinity),
    ])
    func halfKnownValues(bits: UInt16, expected: Float) {
        #expect(floatFromHalfBits(bits) == expected)
    }

    @Test func halfSignsAndNaN() {
        #expect(floatFromHalfBits(0x8000).bitPattern == (-0.0 as Float).bitPattern)
        #expect(floatFromHalfBits(0x8001) == -0x1p-24)
        #expect(floatFromHalfBits(0x7E00).isNaN && floatFromHalfBits(0xFE00).sign == .minus)
        #expect(floatFromHalfBits(0x7C01).isSignalingNaN)
    }

    #if !(os(macOS) && arch(x86_64))
    @Test func halfMatchesFloat16ForEveryBitPattern() {
        var mismatches: [UInt16] = []
        for bits in UInt16.min...UInt16.max {
            let expected = Float(Float16(bitPattern: bits))
            let actual = floatFromHalfBits(bits)
            let same = expected.isNaN
                ? actual.isNaN && actual.sign == expected.sign
                    && actual.bitPattern & 0x3F_FFFF == expected.bitPattern & 0x3F_FFFF
                : actual.bitPattern == expected.bitPattern
            if !same { mismatches.append(bits) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
    #endif

    @Test(arguments: [
        (UInt16(0x3F80), Float(1)), (0x4049, 3.140625), (0xC2F7, -123.5), (0x7F7F, 0x1.FEp127),
        (0x0001, 0x1p-133), (0x7F80, .infinity), (0xFF80, -.infinity),
    ])
    func bfloat16KnownValues(bits: UInt16, expected: Float) {
        #expect(floatFromBFloat16Bits(bits) == expected)
    }

    @Test func bfloat16NegativeZeroAndNaN() {
        #expect(floatFromBFloat16Bits(0x8000).bitPattern == 0x8000_0000)
        #expect(floatFromBFloat16Bits(0x7FC0).isNaN)
    }
}
