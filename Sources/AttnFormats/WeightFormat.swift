// WeightFormat: what a weights file is, told from its first bytes (never its name): safetensors,
// a PyTorch checkpoint (zip, legacy, or the tar of PyTorch before 0.4), a legacy checkpoint whose
// magic number is damaged, or some other pickle. Both readers and the command line use it, so a
// damaged .pth is reported as one rather than as a safetensors file with a bad header.

public enum WeightFormat: Equatable, Sendable {
    case safetensors
    case zipCheckpoint
    case legacyCheckpoint
    /// Most of the legacy magic number, or the protocol pickle that follows it, is there, but
    /// the magic number is not intact.
    case damagedLegacyCheckpoint
    case tarCheckpoint
    /// A pickle with a protocol 2+ header that is no legacy checkpoint.
    case pickle(protocolVersion: Int)
    case unknown

    /// How many leading bytes `sniff` looks at (a tar header's "ustar" sits at 257).
    public static let sniffLength = 512

    /// pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2): the legacy format's magic number.
    static let legacyMagic: [UInt8] = legacyMagics[0]
    /// The magic number as torch.save pickles it at protocols 2 to 5 (4 and 5 put it in a FRAME).
    static let legacyMagics: [[UInt8]] = (2...5).map { version in
        [0x80, UInt8(version)] + (version >= 4 ? [0x95, 0x0D, 0, 0, 0, 0, 0, 0, 0] : [])
            + [0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]
    }
    /// pickle.dumps(1001, protocol=2...5): the legacy protocol version, right after the magic number.
    static let legacyProtocols: [[UInt8]] = (2...5).map { version in
        [0x80, UInt8(version)] + (version >= 4 ? [0x95, 0x04, 0, 0, 0, 0, 0, 0, 0] : []) + [0x4D, 0xE9, 0x03, 0x2E]
    }
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// An empty zip archive is only its end record.
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// The format of a file that starts with `prefix` (at least `sniffLength` bytes of it, or all
    /// of a shorter file).
    public static func sniff(_ prefix: some Collection<UInt8>) -> WeightFormat {
        let head = Array(prefix.prefix(sniffLength))
        if head.starts(with: zipMagic) || head.starts(with: emptyZipMagic) { return .zipCheckpoint }
        if legacyMagicLength(head) != nil { return .legacyCheckpoint }
        if damagedMagic(head) != nil { return .damagedLegacyCheckpoint }
        if head.count > 262, head[257..<262].elementsEqual("ustar".utf8) { return .tarCheckpoint }
        if head.count > 8, head[8] == UInt8(ascii: "{") { return .safetensors }
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) { return .pickle(protocolVersion: Int(head[1])) }
        return .unknown
    }

    /// How long the magic number pickle at the start of `head` is, when it is intact.
    static func legacyMagicLength(_ head: [UInt8]) -> Int? {
        legacyMagics.first { head.starts(with: $0) }?.count
    }

    /// How many of the magic number's bytes differ, and of how many, when the file still looks
    /// like a legacy checkpoint: all but at most 7 of them intact, or the protocol pickle right
    /// after them intact. Compared with the closest of the protocols' magic numbers.
    static func damagedMagic(_ head: [UInt8]) -> (differing: Int, length: Int)? {
        guard legacyMagicLength(head) == nil else { return nil }
        var closest: (differing: Int, length: Int)?
        for magic in legacyMagics where head.count >= magic.count {
            let differing = zip(head, magic).filter { $0 != $1 }.count
            let protocolFollows = legacyProtocols.contains { head.dropFirst(magic.count).starts(with: $0) }
            guard differing <= 7 || protocolFollows else { continue }
            if closest.map({ differing < $0.differing }) ?? true { closest = (differing, magic.count) }
        }
        return closest
    }

    /// Read by PyTorchCheckpoint (which explains the formats it cannot read) rather than SafeTensors.
    public var isCheckpoint: Bool {
        switch self {
        case .safetensors, .unknown: return false
        default: return true
        }
    }

    /// "a legacy PyTorch checkpoint", for messages.
    public var summary: String {
        switch self {
        case .safetensors: return "a safetensors file"
        case .zipCheckpoint: return "a zip PyTorch checkpoint"
        case .legacyCheckpoint: return "a legacy PyTorch checkpoint"
        case .damagedLegacyCheckpoint: return "a legacy PyTorch checkpoint with a damaged magic number"
        case .tarCheckpoint: return "a tar PyTorch checkpoint (PyTorch before 0.4)"
        case .pickle(let version): return "a Python pickle (protocol \(version))"
        case .unknown: return "of unknown format"
        }
    }
}
