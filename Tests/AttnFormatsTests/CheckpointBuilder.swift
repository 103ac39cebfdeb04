// Builders for checkpoints written opcode by opcode, so that the corrupt and hostile cases are
// made in the test from a small valid file rather than committed: a pickle writer, a state_dict
// of _rebuild_tensor_v2 calls, and the zip (archive/data.pkl + archive/data/<key>, stored) and
// legacy (magic, protocol, sys info, pickle, keys, storages) wrappings torch.save uses.
@testable import AttnFormats
import Foundation
import Testing

/// Pickle opcodes appended one at a time.
struct PickleWriter {
    var bytes: [UInt8] = [0x80, 0x02]

    mutating func op(_ codes: UInt8...) { bytes += codes }
    mutating func raw(_ more: [UInt8]) { bytes += more }

    mutating func int(_ v: Int) {
        if (0...255).contains(v) {
            op(0x4B, UInt8(v))                                          // BININT1
        } else if let small = Int32(exactly: v) {
            op(0x4A); bytes += withUnsafeBytes(of: small.littleEndian, Array.init)  // BININT
        } else {
            op(0x8A, 8); bytes += withUnsafeBytes(of: Int64(v).littleEndian, Array.init)  // LONG1
        }
    }

    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        op(0x58); bytes += withUnsafeBytes(of: UInt32(utf8.count).littleEndian, Array.init); bytes += utf8  // BINUNICODE
    }

    mutating func global(_ module: String, _ name: String) {
        op(0x63); bytes += Array("\(module)\n\(name)\n".utf8)          // GLOBAL
    }

    mutating func tuple(_ ints: [Int]) {
        op(0x28); ints.forEach { int($0) }; op(0x74)                   // MARK ... TUPLE
    }

    mutating func stop() { op(0x2E) }
}

/// One tensor of a state_dict: a view into storage `storage`.
struct TensorSpec {
    var key: String
    var storage = "0"
    var storageClass = "FloatStorage"
    /// The element count the persistent id gives the storage.
    var storageCount = 6
    var offset = 0
    var size = [2, 3]
    var stride = [3, 1]
}

enum CheckpointBuilder {
    /// Floats 1, 2, 3, ... as raw little-endian bytes.
    static func floats(_ count: Int) -> [UInt8] {
        (0..<count).flatMap { withUnsafeBytes(of: Float($0 + 1).bitPattern.littleEndian, Array.init) }
    }

    /// The pickle of an OrderedDict of `tensors` (the legacy persistent id has a sixth, view, slot).
    static func statePickle(_ tensors: [TensorSpec], legacy: Bool = false) -> [UInt8] {
        var p = PickleWriter()
        p.global("collections", "OrderedDict"); p.op(0x29, 0x52)      // OrderedDict()
        p.op(0x28)                                                     // MARK
        for t in tensors {
            p.string(t.key)
            p.raw(tensorOpcodes(t, legacy: legacy))
        }
        p.op(0x75)                                                     // SETITEMS
        p.stop()
        return p.bytes
    }

    /// The opcodes that leave one rebuilt tensor on the stack.
    static func tensorOpcodes(_ t: TensorSpec, legacy: Bool = false) -> [UInt8] {
        var p = PickleWriter(bytes: [])
        p.global("torch._utils", "_rebuild_tensor_v2")
        p.op(0x28)                                                     // MARK (args)
        p.op(0x28); p.string("storage"); p.global("torch", t.storageClass); p.string(t.storage); p.string("cpu")
        p.int(t.storageCount)
        if legacy { p.op(0x4E) }
        p.op(0x74, 0x51)                                               // TUPLE BINPERSID
        p.int(t.offset); p.tuple(t.size); p.tuple(t.stride)
        p.op(0x89)                                                     // requires_grad False
        p.global("collections", "OrderedDict"); p.op(0x29, 0x52)      // backward hooks
        p.op(0x74, 0x52)                                               // TUPLE REDUCE
        return p.bytes
    }

    /// A zip checkpoint whose data.pkl is `pickle`, with the 6-float storage "0".
    static func zipOfPickle(_ pickle: [UInt8]) -> [UInt8] {
        zip([ZipMember(name: "archive/data.pkl", data: pickle), ZipMember(name: "archive/data/0", data: floats(6))])
    }

    struct ZipMember {
        var name: String
        var data: [UInt8]
        /// Overrides for hostile archives.
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var claimedSize: UInt32? = nil
        var localOffset: UInt32? = nil
    }

    /// A zip archive of stored members with a central directory, as torch.save writes one.
    static func zip(_ members: [ZipMember]) -> [UInt8] {
        var out = [UInt8](), directory = [UInt8]()
        func u16(_ v: UInt16, _ into: inout [UInt8]) { into += withUnsafeBytes(of: v.littleEndian, Array.init) }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { into += withUnsafeBytes(of: v.littleEndian, Array.init) }
        for m in members {
            let local = UInt32(out.count), name = Array(m.name.utf8), size = m.claimedSize ?? UInt32(m.data.count)
            u32(0x0403_4b50, &out); u16(20, &out); u16(m.flags, &out); u16(m.method, &out); u32(0, &out); u32(0, &out)
            u32(size, &out); u32(size, &out); u16(UInt16(name.count), &out); u16(0, &out)
            out += name + m.data
            u32(0x0201_4b50, &directory); u16(20, &directory); u16(20, &directory); u16(m.flags, &directory)
            u16(m.method, &directory); u32(0, &directory); u32(0, &directory); u32(size, &directory); u32(size, &directory)
            u16(UInt16(name.count), &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u16(0, &directory); u32(0, &directory); u32(m.localOffset ?? local, &directory)
            directory += name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        u32(0x0605_4b50, &out); u16(0, &out); u16(0, &out); u16(UInt16(members.count), &out); u16(UInt16(members.count), &out)
        u32(UInt32(directory.count), &out); u32(directoryOffset, &out); u16(0, &out)
        return out
    }

    /// A zip checkpoint of `tensors` whose storages hold `storages` (key -> bytes).
    static func zipCheckpoint(_ tensors: [TensorSpec], storages: [String: [UInt8]]) -> [UInt8] {
        zip([ZipMember(name: "archive/data.pkl", data: statePickle(tensors))]
            + storages.keys.sorted().map { ZipMember(name: "archive/data/\($0)", data: storages[$0]!) })
    }

    /// A legacy checkpoint: each storage's element count (int64) then its bytes, in key order.
    /// `protocolVersion` sets how the magic number and the protocol version are pickled (torch.save's
    /// pickle_protocol); the other pickles stay protocol 2, which changes nothing for the reader.
    static func legacyCheckpoint(_ tensors: [TensorSpec], storages: [(key: String, count: Int, bytes: [UInt8])],
                                 root: [UInt8]? = nil, protocolVersion: Int = 2) -> [UInt8] {
        var out = WeightFormat.legacyMagics[protocolVersion - 2]
        out += WeightFormat.legacyProtocols[protocolVersion - 2]       // 1001
        var info = PickleWriter()
        info.op(0x7D, 0x28); info.string("protocol_version"); info.int(1001)
        info.string("little_endian"); info.op(0x88); info.op(0x75); info.stop()
        out += info.bytes
        out += root ?? statePickle(tensors, legacy: true)
        var keys = PickleWriter()
        keys.op(0x28); storages.forEach { keys.string($0.key) }; keys.op(0x6C); keys.stop()
        out += keys.bytes
        for s in storages {
            out += withUnsafeBytes(of: Int64(s.count).littleEndian, Array.init) + s.bytes
        }
        return out
    }

    /// The valid files the corpus starts from: "a" [2, 3], its transpose "t" [3, 2] and a
    /// slice "s" [2] = elements 4, 6 of one 6-float storage, plus "b" [4] in a second storage.
    static let validTensors = [
        TensorSpec(key: "a"),
        TensorSpec(key: "t", size: [3, 2], stride: [1, 3]),
        TensorSpec(key: "s", offset: 3, size: [2], stride: [2]),
        TensorSpec(key: "b", storage: "1", storageCount: 4, size: [4], stride: [1]),
    ]
    static let validZip = zipCheckpoint(validTensors, storages: ["0": floats(6), "1": floats(4)])
    static let validLegacy = legacyCheckpoint(validTensors, storages: [("0", 6, floats(6)), ("1", 4, floats(4))])
}

/// Decodes `bytes`, expecting a CheckpointError whose line is exactly `message`, one line of
/// printable text.
@discardableResult
func expectCheckpointError(
    _ bytes: [UInt8], name: String = "x.pth", _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) -> CheckpointError? {
    let error = #expect(throws: CheckpointError.self, sourceLocation: sourceLocation) {
        try PyTorchCheckpoint.decode(bytes, name: name)
    }
    guard let error else { return nil }
    #expect(error.description == message, sourceLocation: sourceLocation)
    expectReadable(error.description, sourceLocation: sourceLocation)
    return error
}

/// No control byte (below 0x20, or DEL) and a length a terminal line can hold.
func expectReadable(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let control = message.utf8.filter { $0 < 0x20 || $0 == 0x7F }
    #expect(control.isEmpty, "control bytes \(control) in: \(message)", sourceLocation: sourceLocation)
    #expect(message.count <= 600, "\(message.count) characters: \(message)", sourceLocation: sourceLocation)
}
