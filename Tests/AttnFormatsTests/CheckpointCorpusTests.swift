// The broken-checkpoint corpus: each case is made in the test from the small valid files of
// CheckpointBuilder (zip and legacy) and must fail with exactly its error line, quickly, without
// trapping on overflow or allocating what the numbers claim: truncations at every sixteenth,
// overlapping and out-of-file storages, huge and negative sizes, strides and offsets, views
// beyond their storage, the element budget, zip members that are duplicated, compressed, too
// many or oddly named.
@testable import AttnFormats
import AttnEngine
import AttnTestSupport
import Foundation
import Testing

private typealias B = CheckpointBuilder

private func zipWith(_ tensors: [TensorSpec]) -> [UInt8] {
    B.zipCheckpoint(tensors, storages: ["0": B.floats(6), "1": B.floats(4)])
}

/// Legacy files list each storage once, so storage "1" needs a tensor of its own.
private func legacyWith(_ tensors: [TensorSpec]) -> [UInt8] {
    let b = TensorSpec(key: "b", storage: "1", storageCount: 4, size: [4], stride: [1])
    return B.legacyCheckpoint(tensors + (tensors.contains { $0.storage == "1" } ? [] : [b]),
                              storages: [("0", 6, B.floats(6)), ("1", 4, B.floats(4))])
}

@Suite(.timeLimit(.minutes(1))) struct CheckpointCorpusTests {
    @Test(arguments: [("zip", B.validZip), ("legacy", B.validLegacy)])
    func validFilesDecode(format: String, bytes: [UInt8]) throws {
        let file = try PyTorchCheckpoint.decode(bytes, name: "x.pth")
        #expect(file.format == format)
        #expect(file.tensors["a"] == Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
        #expect(file.tensors["t"] == Tensor(shape: [3, 2], data: [1, 4, 2, 5, 3, 6]))
        #expect(file.tensors["s"] == Tensor(shape: [2], data: [4, 6]))
        #expect(file.tensors["b"] == Tensor(shape: [4], data: [1, 2, 3, 4]))
    }

    @Test func truncatedAtEverySixteenth() {
        for (format, whole) in [("zip", B.validZip), ("legacy", B.validLegacy)] {
            for k in 0..<16 {
                let cut = whole.count * k / 16
                let error = #expect(throws: CheckpointError.self, "\(format) cut at \(cut)") {
                    try PyTorchCheckpoint.decode(Array(whole.prefix(cut)), name: "x.pth")
                }
                if let error { expectReadable(error.description) }
                #expect(error?.description == Self.truncationLines[format]![k], "\(format) cut at \(cut) of \(whole.count)")
            }
        }
    }

    static let truncationLines: [String: [String]] = [
        "zip": ["checkpoint: x.pth is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)"]
            + Array(repeating: "checkpoint: x.pth: zip end record not found (truncated archive?)", count: 15),
        "legacy": [
            "checkpoint: x.pth is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)",
            "checkpoint: x.pth is truncated: needs 16 bytes at offset 30, has 14",
            "checkpoint: x.pth is truncated: unterminated line at offset 87",
            "checkpoint: x.pth is truncated: unterminated line at offset 122",
            "checkpoint: x.pth is truncated: needs 4 bytes at offset 176, has 2",
            "checkpoint: x.pth is truncated: unterminated line at offset 222",
            "checkpoint: x.pth is truncated: unterminated line at offset 258",
            "checkpoint: x.pth is truncated: needs 1 bytes at offset 311, has 0",
            "checkpoint: x.pth is truncated: unterminated line at offset 346",
            "checkpoint: x.pth is truncated: unterminated line at offset 394",
            "checkpoint: x.pth is truncated: unterminated line at offset 434",
            "checkpoint: x.pth is truncated: unterminated line at offset 490",
            "checkpoint: x.pth is truncated: unterminated line at offset 526",
            "checkpoint: x.pth is truncated: needs 1 bytes at offset 579, has 0",
            "checkpoint: x.pth is truncated: unterminated line at offset 622",
            "checkpoint: x.pth is truncated: needs 24 bytes at offset 665, has 3",
        ],
    ]

    @Test func pythonFixturesTruncatedAtEverySixteenth() throws {
        for name in ["mixed_zip", "mixed_legacy", "nested_state_dict_zip", "nested_model_legacy"] {
            let whole = [UInt8](try Data(contentsOf: Fixtures.url("checkpoints/\(name).pth")))
            for k in 0..<16 {
                let error = #expect(throws: CheckpointError.self, "\(name) cut at \(k)/16") {
                    try PyTorchCheckpoint.decode(Array(whole.prefix(whole.count * k / 16)), name: "\(name).pth")
                }
                if let error { expectReadable(error.description) }
            }
        }
    }

    // MARK: storages and views

    @Test(arguments: [("zip", true), ("legacy", false)])
    func viewsBeyondTheirStorage(format: String, zip: Bool) {
        let make = zip ? zipWith : legacyWith
        expectCheckpointError(make([TensorSpec(key: "a", storageCount: 1000)]),
                              "checkpoint: x.pth: storage '0' of tensor 'a' has 6 elements, needs 1000")
        expectCheckpointError(make([TensorSpec(key: "a", offset: 1)]),
                              "checkpoint: x.pth: tensor 'a' (size [2, 3], stride [3, 1], offset 1) reaches element 6 of a 6-element storage '0'")
        expectCheckpointError(make([TensorSpec(key: "a", offset: Int.max)]),
                              "checkpoint: x.pth: tensor 'a' (size [2, 3], stride [3, 1], offset 9223372036854775807) overflows: its element count or last element offset exceeds 9223372036854775807")
    }

    static let hugeViews: [(size: [Int], stride: [Int], offset: Int, line: String)] = [
        ([1 << 62, 1 << 62], [1, 1], 0,
         "checkpoint: x.pth: tensor 'a' (size [4611686018427387904, 4611686018427387904], stride [1, 1], offset 0) overflows: its element count or last element offset exceeds 9223372036854775807"),
        ([1 << 32, 1 << 32], [0, 0], 0,
         "checkpoint: x.pth: tensor 'a' (size [4294967296, 4294967296], stride [0, 0], offset 0) overflows: its element count or last element offset exceeds 9223372036854775807"),
        ([Int.max], [1], 0,
         "checkpoint: x.pth: tensor 'a' (size [9223372036854775807], stride [1], offset 0) reaches element 9223372036854775806 of a 6-element storage '0'"),
        ([2, 3], [Int.max, 1], 0,
         "checkpoint: x.pth: tensor 'a' (size [2, 3], stride [9223372036854775807, 1], offset 0) overflows: its element count or last element offset exceeds 9223372036854775807"),
        ([3], [Int.max], 0,
         "checkpoint: x.pth: tensor 'a' (size [3], stride [9223372036854775807], offset 0) overflows: its element count or last element offset exceeds 9223372036854775807"),
        ([2], [1 << 62], 0,
         "checkpoint: x.pth: tensor 'a' (size [2], stride [4611686018427387904], offset 0) reaches element 4611686018427387904 of a 6-element storage '0'"),
        ([2, 3], [-3, 1], 0,
         "checkpoint: x.pth: tensor 'a' (size [2, 3], stride [-3, 1], offset 0) has a negative size, stride or offset"),
        ([-2, 3], [3, 1], 0,
         "checkpoint: x.pth: tensor 'a' (size [-2, 3], stride [3, 1], offset 0) has a negative size, stride or offset"),
        ([2, 3], [3, 1], -1,
         "checkpoint: x.pth: tensor 'a' (size [2, 3], stride [3, 1], offset -1) has a negative size, stride or offset"),
        ([0, Int.max, Int.max], [1, 1, 1], 0,
         "checkpoint: x.pth: tensor 'a' (size [0, 9223372036854775807, 9223372036854775807], stride [1, 1, 1], offset 0) overflows: its element count or last element offset exceeds 9223372036854775807"),
        ([1_000_000_000], [0], 0,
         "checkpoint: x.pth: tensor 'a' would bring the tensors to more than 67108864 elements in all (the limit for a FILESIZE-byte file: its size in bytes, and at least 2^26); they are views sharing too little storage, which saved contiguous (tensor.clone()) would load"),
        (Array(repeating: 1, count: 65), Array(repeating: 1, count: 65), 0,
         "checkpoint: x.pth: tensor 'a' has 65 dimensions, more than 64"),
    ]

    @Test(arguments: 0..<hugeViews.count)
    func hugeSizesStridesAndOffsets(index: Int) {
        let c = Self.hugeViews[index]
        for bytes in [zipWith([TensorSpec(key: "a", offset: c.offset, size: c.size, stride: c.stride)]),
                      legacyWith([TensorSpec(key: "a", offset: c.offset, size: c.size, stride: c.stride)])] {
            expectCheckpointError(bytes, c.line.replacingOccurrences(of: "FILESIZE", with: "\(bytes.count)"))
        }
    }

    @Test func sizeOneDimensionsWithHugeStridesAreRead() throws {
        // The gather used to add a size-1 dimension's stride before wrapping: Int.max overflowed.
        let views = [
            TensorSpec(key: "a", size: [1, 2, 3], stride: [Int.max, 3, 1]),
            TensorSpec(key: "t", size: [3, 1, 2], stride: [1, Int.max, 3]),
            TensorSpec(key: "z", size: [0, 5], stride: [Int.max, Int.max]),
            TensorSpec(key: "e", offset: 5, size: [1, 1], stride: [Int.max, 1 << 62]),
            // Empty: its offset is never used (torch allows any), even Int.max.
            TensorSpec(key: "n", offset: Int.max, size: [0], stride: [1]),
            TensorSpec(key: "b", storage: "1", storageCount: 4, size: [4], stride: [1]),
        ]
        for bytes in [zipWith(views), legacyWith(views)] {
            let file = try PyTorchCheckpoint.decode(bytes, name: "x.pth")
            #expect(file.tensors["a"] == Tensor(shape: [1, 2, 3], data: [1, 2, 3, 4, 5, 6]))
            #expect(file.tensors["t"] == Tensor(shape: [3, 1, 2], data: [1, 4, 2, 5, 3, 6]))
            #expect(file.tensors["z"] == Tensor(shape: [0, 5], data: []))
            #expect(file.tensors["e"] == Tensor(shape: [1, 1], data: [6]))
            #expect(file.tensors["n"] == Tensor(shape: [0], data: []))
        }
    }

    @Test func overlappingViewsAreRead() throws {
        // torch.save keeps expanded and overlapping views; the network fixtures are made of them.
        let views = [TensorSpec(key: "a", size: [3, 4], stride: [1, 0]), TensorSpec(key: "w", size: [4, 3], stride: [1, 1])]
        let file = try PyTorchCheckpoint.decode(zipWith(views), name: "x.pth")
        #expect(file.tensors["a"] == Tensor(shape: [3, 4], data: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]))
        #expect(file.tensors["w"] == Tensor(shape: [4, 3], data: [1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6]))
    }

    @Test func oneStorageUnderManyKeysMeetsTheBudget() throws {
        // 10^4 keys naming the same 6-element storage: 60,000 elements from a ~1 MB file; with a
        // budget of 1000 elements the 167th key is refused, before its tensor is allocated.
        let views = (0..<10_000).map { TensorSpec(key: "k\($0)") }
        let bytes = zipWith(views)
        let limit = PyTorchCheckpoint.ElementLimit(count: 1000, rule: "a test's limit")
        let error = #expect(throws: CheckpointError.self) {
            try PyTorchCheckpoint.decode(bytes, name: "x.pth", elementLimit: limit)
        }
        #expect(error?.description == "checkpoint: x.pth: tensor 'k166' would bring the tensors to more than 1000 elements in all (a test's limit); they are views sharing too little storage, which saved contiguous (tensor.clone()) would load")
        // The real budget (the file's size in elements) lets them all through.
        #expect(try PyTorchCheckpoint.decode(bytes, name: "x.pth").tensors.count == 10_000)
    }

    // MARK: zip structure

    private static func members(_ edit: (inout [B.ZipMember]) -> Void) -> [UInt8] {
        var m = [B.ZipMember(name: "archive/data.pkl", data: B.statePickle(B.validTensors)),
                 B.ZipMember(name: "archive/data/0", data: B.floats(6)),
                 B.ZipMember(name: "archive/data/1", data: B.floats(4))]
        edit(&m)
        return B.zip(m)
    }

    @Test func zipStructureCases() {
        expectCheckpointError(Self.members { $0[1].claimedSize = 70 },
                              "checkpoint: x.pth: zip members 'archive/data/0' (bytes 610..<724) and 'archive/data/1' (from byte 678) overlap: checkpoints with overlapping storages are not supported")
        // Two directory entries naming the same local header.
        expectCheckpointError(Self.members { $0[2].localOffset = 0 },
                              "checkpoint: x.pth: zip members 'archive/data.pkl' (bytes 0..<610) and 'archive/data/1' (from byte 0) overlap: checkpoints with overlapping storages are not supported")
        expectCheckpointError(Self.members { $0[1].localOffset = 0xEEEE_EEEE },
                              "checkpoint: x.pth: zip member 'archive/data/0' has its local header at offset 4008636142, which exceeds the file (942 bytes)")
        expectCheckpointError(Self.members { $0[2].name = "archive/data/0" },
                              "checkpoint: x.pth: zip member 'archive/data/0' appears twice in the archive")
        expectCheckpointError(Self.members { $0[1].method = 8 },
                              "checkpoint: x.pth: zip member 'archive/data/0' is compressed (method 8); torch.save stores members uncompressed")
        expectCheckpointError(Self.members { $0[1].flags = 1 },
                              "checkpoint: x.pth: zip member 'archive/data/0' is encrypted")
        expectCheckpointError(Self.members { $0[2].claimedSize = 1000 },
                              "checkpoint: x.pth: zip member 'archive/data/1' (1000 bytes at offset 722) runs past the end of the file (942 bytes)")
        expectCheckpointError(Self.members { $0.remove(at: 0) }, "checkpoint: x.pth: zip archive has no data.pkl")
        expectCheckpointError(Self.members { $0.remove(at: 2) },
                              "checkpoint: x.pth: storage '1' is missing from the archive")
    }

    @Test func zipEntryCountsAreBounded() {
        // The end record claims 60,000 entries in a directory that holds three.
        var claimed = B.validZip
        let eocd = claimed.count - 22
        claimed[eocd + 10] = 0x60; claimed[eocd + 11] = 0xEA
        expectCheckpointError(claimed, "checkpoint: x.pth: zip archive claims 60000 entries in a 182-byte central directory")
        // A zip64 end record claims 300,000 entries: over the limit before anything is read.
        var zip64 = [UInt8]()
        func u16(_ v: UInt16) { zip64 += withUnsafeBytes(of: v.littleEndian, Array.init) }
        func u32(_ v: UInt32) { zip64 += withUnsafeBytes(of: v.littleEndian, Array.init) }
        func u64(_ v: UInt64) { zip64 += withUnsafeBytes(of: v.littleEndian, Array.init) }
        zip64 = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)
        let end = UInt64(zip64.count)
        u32(0x0606_4b50); u64(44); u16(45); u16(45); u32(0); u32(0); u64(300_000); u64(300_000); u64(0); u64(0)
        u32(0x0706_4b50); u32(0); u64(end); u32(1)
        u32(0x0605_4b50); u16(0); u16(0); u16(0xFFFF); u16(0xFFFF); u32(0xFFFF_FFFF); u32(0xFFFF_FFFF); u16(0)
        expectCheckpointError(zip64, "checkpoint: x.pth: zip archive has 300000 entries, more than the limit of 262144")
    }

    @Test func memberNamesAreOnlyLookupKeys() throws {
        // Names that would escape a folder or drive a terminal: looked up, never used as paths,
        // and escaped where a message quotes them.
        for key in ["../../etc/x", "/abs/path", "a\u{1B}[2J"] {
            let views = [TensorSpec(key: "w", storage: key)]
            let file = try PyTorchCheckpoint.decode(B.zipCheckpoint(views, storages: [key: B.floats(6)]), name: "x.pth")
            #expect(file.tensors["w"] == Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
        }
        expectCheckpointError(B.zipCheckpoint([TensorSpec(key: "w\u{7}", storage: "a\u{1B}[2J")], storages: [:]),
                              "checkpoint: x.pth: storage 'a\\x1B[2J' is missing from the archive")
        expectCheckpointError(Self.members { $0[1].name = "archive/data/\u{1B}]0;pwned\u{7}"; $0[1].method = 8 },
                              "checkpoint: x.pth: zip member 'archive/data/\\x1B]0;pwned\\x07' is compressed (method 8); torch.save stores members uncompressed")
        expectCheckpointError(B.zipCheckpoint([TensorSpec(key: "w\u{1B}[2J", offset: 9)], storages: ["0": B.floats(6)]),
                              "checkpoint: x.pth: tensor 'w\\x1B[2J' (size [2, 3], stride [3, 1], offset 9) reaches element 14 of a 6-element storage '0'")
    }

    @Test func fileNamesAreEscaped() {
        expectCheckpointError(Array("hello".utf8), name: "evil\u{1B}[2J.pth",
                              "checkpoint: evil\\x1B[2J.pth is not a PyTorch checkpoint (neither a zip archive nor a legacy pickle)")
        let missing = URL(fileURLWithPath: "/nonexistent-attnview/evil\u{1B}[2J\u{7}.pth")
        for error in [(#expect(throws: CheckpointError.self) { try PyTorchCheckpoint.read(contentsOf: missing) })?.description,
                      (#expect(throws: SafeTensorsError.self) { try SafeTensors.read(contentsOf: missing) })?.description] {
            #expect(error?.contains("/nonexistent-attnview/evil\\x1B[2J\\x07.pth") == true, "\(String(describing: error))")
            if let error { expectReadable(error) }
        }
    }

    // MARK: legacy structure

    @Test func legacyStructureCases() {
        let tensors = B.validTensors
        expectCheckpointError(B.legacyCheckpoint(tensors, storages: [("0", 6, B.floats(6)), ("0", 6, B.floats(6)), ("1", 4, B.floats(4))]),
                              "checkpoint: x.pth: storage '0' is listed twice")
        expectCheckpointError(B.legacyCheckpoint(tensors, storages: [("0", 6, B.floats(6)), ("1", 4, B.floats(4)), ("9", 1, B.floats(1))]),
                              "checkpoint: x.pth: storage '9' is not used by any tensor")
        expectCheckpointError(B.legacyCheckpoint(tensors, storages: [("0", 6, B.floats(6))]),
                              "checkpoint: x.pth: storage '1' is missing")
        expectCheckpointError(B.legacyCheckpoint(tensors, storages: [("0", 6, B.floats(6)), ("1", Int(Int64.max), B.floats(4))]),
                              "checkpoint: x.pth: storage '1' claims 9223372036854775807 elements at offset 689, more than the file holds")
        expectCheckpointError(B.legacyCheckpoint(tensors, storages: [("0", 6, B.floats(6)), ("1", 5, B.floats(4))]),
                              "checkpoint: x.pth is truncated: needs 20 bytes at offset 697, has 16")
        var mixed = tensors
        mixed[3].storage = "0"; mixed[3].storageClass = "HalfStorage"
        expectCheckpointError(B.legacyCheckpoint(mixed, storages: [("0", 6, B.floats(6))]),
                              "checkpoint: x.pth: storage '0' is named with elements of 4 and of 2 bytes")
    }

    @Test func legacyViewStoragesAreChecked() throws {
        func view(_ offset: Int, _ size: Int) -> [UInt8] {
            var p = PickleWriter()
            p.op(0x7D, 0x28); p.string("v")
            p.global("torch._utils", "_rebuild_tensor_v2")
            p.op(0x28, 0x28); p.string("storage"); p.global("torch", "FloatStorage"); p.string("0"); p.string("cpu"); p.int(6)
            p.op(0x28); p.string("0v"); p.int(offset); p.int(size); p.op(0x74)
            p.op(0x74, 0x51)
            p.int(0); p.tuple([2]); p.tuple([1]); p.op(0x89); p.op(0x7D); p.op(0x74, 0x52)
            p.op(0x75); p.stop()
            return B.legacyCheckpoint([], storages: [("0", 6, B.floats(6))], root: p.bytes)
        }
        #expect(try PyTorchCheckpoint.decode(view(3, 2), name: "x.pth").tensors["v"] == Tensor(shape: [2], data: [4, 5]))
        expectCheckpointError(view(Int.max, Int.max),
                              "checkpoint: x.pth: storage view (9223372036854775807 elements at 9223372036854775807) outside its 6-element storage at offset 195")
        expectCheckpointError(view(5, 2), "checkpoint: x.pth: storage view (2 elements at 5) outside its 6-element storage at offset 179")
        expectCheckpointError(view(-1, 2), "checkpoint: x.pth: storage view (2 elements at -1) outside its 6-element storage at offset 182")
    }

    // MARK: what the file is

    @Test func damagedMagicNumbersAreNamed() {
        var oneByte = B.validLegacy
        oneByte[6] ^= 0xFF
        expectCheckpointError(oneByte, "checkpoint: x.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (1 of its first 15 bytes differ)")
        var firstFour = B.validLegacy
        for i in 0..<4 { firstFour[i] = 0 }
        expectCheckpointError(firstFour, "checkpoint: x.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (4 of its first 15 bytes differ)")
        var wholeMagic = B.validLegacy
        for i in 0..<15 { wholeMagic[i] = 0x41 }
        expectCheckpointError(wholeMagic, "checkpoint: x.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (15 of its first 15 bytes differ)")
        var p = PickleWriter(bytes: [0x80, 0x04]); p.int(5); p.stop()
        expectCheckpointError(p.bytes, "checkpoint: x.pth is a Python pickle (protocol 4) but not a PyTorch checkpoint: it lacks the legacy format's magic number")
        expectCheckpointError(SafeTensors.encode(["a": Tensor(scalar: 1)]), "checkpoint: x.pth is a safetensors file, not a PyTorch checkpoint")
        var tar = [UInt8](repeating: 0, count: 1024)
        tar.replaceSubrange(257..<262, with: Array("ustar".utf8))
        expectCheckpointError(tar, "checkpoint: x.pth is a tar checkpoint (PyTorch before 0.4), which is not supported")
    }

    @Test(arguments: 2...5)
    func legacyFilesOfEveryPickleProtocolAreRead(version: Int) throws {
        let bytes = B.legacyCheckpoint(B.validTensors, storages: [("0", 6, B.floats(6)), ("1", 4, B.floats(4))], protocolVersion: version)
        #expect(WeightFormat.sniff(bytes) == .legacyCheckpoint)
        #expect(try PyTorchCheckpoint.decode(bytes, name: "x.pth").tensors["t"] == Tensor(shape: [3, 2], data: [1, 4, 2, 5, 3, 6]))
        var damaged = bytes
        damaged[damaged.count > 30 && version >= 4 ? 12 : 5] ^= 0x01
        expectCheckpointError(damaged, "checkpoint: x.pth looks like a legacy PyTorch checkpoint but its magic number is damaged (1 of its first \(version >= 4 ? 24 : 15) bytes differ)")
    }

    @Test func formatsAreSniffed() {
        #expect(WeightFormat.sniff(B.validZip) == .zipCheckpoint)
        #expect(WeightFormat.sniff(B.validLegacy) == .legacyCheckpoint)
        #expect(WeightFormat.sniff(SafeTensors.encode(["a": Tensor(scalar: 1)])) == .safetensors)
        #expect(WeightFormat.sniff([0x80, 0x05, 0x4B, 0x01, 0x2E]) == .pickle(protocolVersion: 5))
        #expect(WeightFormat.sniff(Array("hello".utf8)) == .unknown)
        #expect(WeightFormat.sniff([]) == .unknown)
        // A safetensors header of 0x0280 bytes starts 80 02, like a protocol-2 pickle.
        var st = [UInt8](repeating: 0x20, count: 0x0288)
        st.replaceSubrange(0..<9, with: [0x80, 0x02, 0, 0, 0, 0, 0, 0, UInt8(ascii: "{")])
        #expect(WeightFormat.sniff(st) == .safetensors)
        #expect(PyTorchCheckpoint.looksLikeCheckpoint(Array(B.validLegacy.prefix(16))))
        #expect(!PyTorchCheckpoint.looksLikeCheckpoint(Array(st.prefix(16))))
    }
}
