// The weight-file targets: the safetensors reader (its JSON header most of all) and the PyTorch
// checkpoint reader, zip (the pickle in data.pkl most of all) and legacy (the pickles at the
// front). A file read must give tensors whose element counts match their shapes; the unpickler's
// refusals of anything callable are refusals like any other.
import AttnEngine
import AttnFormats

private func describe(_ tensors: [String: Tensor]) throws(FuzzFailure) -> String {
    var elements = 0
    for (key, tensor) in tensors {
        var expected = 1
        for d in tensor.shape {
            guard d >= 0 else { throw FuzzFailure("tensor '\(key)' has a negative dimension \(tensor.shape)") }
            expected *= d
        }
        guard expected == tensor.count else {
            throw FuzzFailure("tensor '\(key)' of shape \(tensor.shape) holds \(tensor.count) elements")
        }
        elements += expected
    }
    return "\(tensors.count) tensors, \(elements) elements"
}

public struct SafeTensorsTarget: FuzzTarget {
    public let name = "safetensors"
    public var seeds: [(folder: String, suffixes: [String])] {
        [("safetensors", [".safetensors"]), ("blocks", ["se.safetensors", "eca.safetensors", "simam.safetensors", "spd.safetensors"])]
    }

    public init() {}

    /// Most mutations in the JSON header: that is where the offsets, shapes and dtypes are.
    public func mutator(for seed: [UInt8]) -> Mutator {
        guard seed.count >= 8 else { return Mutator() }
        let length = seed[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        return Mutator(focus: 8..<min(seed.count, 8 + max(0, min(length, seed.count))))
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome {
        try readerOutcome(refusing: SafeTensorsError.self) {
            .accepted(try describe(try SafeTensors.decode(input).tensors))
        }
    }
}

public struct CheckpointTarget: FuzzTarget {
    public let zip: Bool
    public var name: String { zip ? "pth-zip" : "pth-legacy" }
    public var seeds: [(folder: String, suffixes: [String])] {
        let suffix = zip ? "_zip.pth" : "_legacy.pth"
        return [("checkpoints", [suffix, "dataparallel.pth"].filter { zip || $0 != "dataparallel.pth" }), ("hostile", [suffix])]
    }

    public init(zip: Bool) { self.zip = zip }

    /// Pickle opcodes whose operand is a plain integer: BININT1 (K), BININT2 (M), BININT (J),
    /// and the lengths of SHORT_BINUNICODE (0x8c) and BINUNICODE (X).
    static let operands: [UInt8: Int] = [0x4B: 1, 0x4D: 2, 0x4A: 4, 0x8C: 1, 0x58: 4]

    public func mutator(for seed: [UInt8]) -> Mutator {
        Mutator(focus: zip ? Self.dataPickleRange(in: seed) : 0..<min(seed.count, 4096), operandMarkers: Self.operands)
    }

    /// The bytes of the zip member that ends in data.pkl. torch.save streams its members, so
    /// the local header's sizes are 0 (flag bit 3) and the member ends where the next
    /// signature (a data descriptor or the next local header) begins.
    public static func dataPickleRange(in bytes: [UInt8]) -> Range<Int>? {
        let u16 = { (i: Int) in Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func signature(at i: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
            i + 4 <= bytes.count && bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == third && bytes[i + 3] == fourth
        }
        var at = 0
        while at + 30 <= bytes.count {
            guard signature(at: at, 3, 4) else { at += 1; continue }
            let nameLength = u16(at + 26), extra = u16(at + 28)
            let start = at + 30 + nameLength + extra
            guard start <= bytes.count else { return nil }
            var end = start
            while end < bytes.count && !signature(at: end, 7, 8) && !signature(at: end, 3, 4) { end += 1 }
            if String(decoding: bytes[(at + 30)..<(at + 30 + nameLength)], as: UTF8.self).hasSuffix("data.pkl") {
                return start..<end
            }
            at = end
        }
        return nil
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome {
        try readerOutcome(refusing: CheckpointError.self) {
            .accepted(try describe(try PyTorchCheckpoint.decode(input, name: "fuzz.pth").tensors))
        }
    }
}
