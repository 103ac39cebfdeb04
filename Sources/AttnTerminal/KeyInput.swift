// KeyInput: what wgetch returned, one code at a time (a byte of input, or ncurses' code for a
// key it recognised), as Keys. Bytes are put together into UTF-8 characters here; an invalid or
// cut-off sequence is dropped and the byte that broke it starts afresh, so no run of bytes,
// however random, can swallow the keys that follow it. Pure apart from its own state, so it is
// tested byte by byte without a terminal.
import AttnTUI

package struct KeyInput {
    private var pending: UInt32 = 0
    /// Continuation bytes the character being read still needs (0: none is being read).
    private var needed = 0
    /// The smallest value the character being read may have (longer forms are invalid).
    private var minimum: UInt32 = 0

    package init() {}

    /// The Key for one wgetch code, nil while a character is incomplete or for keys without use.
    package mutating func key(forCode code: Int32, size: (width: Int, height: Int)) -> Key? {
        guard (0...0xFF).contains(code) else {
            // A key ncurses recognised cuts any character short.
            needed = 0
            return KeyDecoder.decode(.functionKey(code), size: size)
        }
        guard let scalar = add(UInt8(code)) else { return nil }
        return KeyDecoder.decode(.character(scalar), size: size)
    }

    /// Adds a byte; the code point once a character is complete.
    private mutating func add(_ byte: UInt8) -> UInt32? {
        if needed > 0 {
            if byte & 0xC0 == 0x80 {
                pending = pending << 6 | UInt32(byte & 0x3F)
                needed -= 1
                guard needed == 0 else { return nil }
                let complete = pending
                // Overlong forms, surrogates and values past U+10FFFF are no characters.
                guard complete >= minimum, complete <= 0x10FFFF, !(0xD800...0xDFFF).contains(complete) else { return nil }
                return complete
            }
            // Cut short: the partial character is dropped and this byte read as a new start.
            needed = 0
        }
        switch byte {
        case 0x00...0x7F: return UInt32(byte)
        case 0xC2...0xDF: start(UInt32(byte & 0x1F), needing: 1, minimum: 0x80)
        case 0xE0...0xEF: start(UInt32(byte & 0x0F), needing: 2, minimum: 0x800)
        case 0xF0...0xF4: start(UInt32(byte & 0x07), needing: 3, minimum: 0x10000)
        default: break   // a stray continuation byte, or one that never starts a character
        }
        return nil
    }

    private mutating func start(_ bits: UInt32, needing count: Int, minimum: UInt32) {
        pending = bits
        needed = count
        self.minimum = minimum
    }
}
