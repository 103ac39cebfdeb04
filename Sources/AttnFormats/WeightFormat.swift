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
    static let legacyMagic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]
    /// pickle.dumps(1001, protocol=2): the legacy protocol version, right after the magic number.
    static let legacyProtocol: [UInt8] = [0x80, 0x02, 0x4D, 0xE9, 0x03, 0x2E]
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// An empty zip archive is only its end record.
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// The format of a file that starts with `prefix` (at least `sniffLength` bytes of it, or all
    /// of a shorter file).
    public static func sniff(_ prefix: some Collection<UInt8>) -> WeightFormat {
        let head = Array(prefix.prefix(sniffLength))
        if head.starts(with: zipMagic) || head.starts(with: emptyZipMagic) { return .zipCheckpoint }
        if head.starts(with: legacyMagic) { return .legacyCheckpoint }
        if damagedMagicBytes(head) != nil { return .damagedLegacyCheckpoint }
        if head.count > 262, head[257..<262].elementsEqual("ustar".utf8) { return .tarCheckpoint }
        if head.count > 8, head[8] == UInt8(ascii: "{") { return .safetensors }
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) { return .pickle(protocolVersion: Int(head[1])) }
        return .unknown
    }

    /// How many of the 15 magic bytes differ, when the file still looks like a legacy checkpoint:
    /// at least 8 of them intact, or the protocol pickle right after them intact.
    static func damagedMagicBytes(_ head: [UInt8]) -> Int? {
        guard head.count >= legacyMagic.count else { return nil }
        let differing = zip(head, legacyMagic).filter { $0 != $1 }.count
        let protocolFollows = head.dropFirst(legacyMagic.count).starts(with: legacyProtocol)
        guard differing > 0, differing <= 7 || protocolFollows else { return nil }
        return differing
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
