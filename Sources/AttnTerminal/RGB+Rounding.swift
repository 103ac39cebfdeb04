// Coarser colours for when a frame needs more colour pairs than the terminal has.
import AttnTUI

extension RGB {
    /// Each channel kept to its top `bits` bits (1...8), at the middle of the range they stand for.
    package func rounded(toBits bits: Int) -> RGB {
        guard bits < 8 else { return self }
        let dropped = UInt8(8 - max(1, bits))
        func round(_ value: UInt8) -> UInt8 { (value >> dropped) << dropped | (1 << (dropped - 1)) }
        return RGB(round(r), round(g), round(b))
    }
}
