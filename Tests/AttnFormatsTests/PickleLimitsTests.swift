// Pickles that attack the unpickler rather than the checkpoint layout: nesting a million deep,
// containers that contain themselves, dicts of 10^5 entries and keys of 2^71 values, huge and
// numerous memo entries, a stack of a million values, text operands full of control bytes, and
// every opcode it does not implement. Each ends in its own error line (or a clean read), fast,
// with the Swift stack intact when the values are freed.
@testable import AttnFormats
import AttnEngine
import Foundation
import Testing

private typealias B = CheckpointBuilder

/// A data.pkl made of `body` between PROTO 2 and STOP, in a zip checkpoint.
private func pickled(_ body: [UInt8]) -> [UInt8] {
    B.zipOfPickle([0x80, 0x02] + body + [0x2E])
}

private func string(_ s: String) -> [UInt8] {
    var p = PickleWriter(bytes: [])
    p.string(s)
    return p.bytes
}

private func repeated(_ unit: [UInt8], _ times: Int) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(unit.count * times)
    for _ in 0..<times { out += unit }
    return out
}

/// {"a": tensor "a" of storage "0", key: value}: a state_dict with `value` beside a real tensor.
private func stateDict(with key: String, _ value: [UInt8]) -> [UInt8] {
    pickled([0x7D, 0x28] + string("a") + B.tensorOpcodes(TensorSpec(key: "a")) + string(key) + value + [0x75])
}

private func expectReadsTensorA(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let file = try PyTorchCheckpoint.decode(bytes, name: "x.pth")
        #expect(file.tensors == ["a": Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])], sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(error)", sourceLocation: sourceLocation)
    }
}

@Suite(.timeLimit(.minutes(1))) struct PickleLimitsTests {
    // MARK: nesting and cycles

    @Test func tuplesNestedAMillionDeepAreRefused() {
        expectCheckpointError(pickled([0x4E] + repeated([0x85], 1_000_000)),
                              "checkpoint: x.pth: data.pkl: tuples nested deeper than 100 levels at offset 103")
        // 100 levels are fine (and then not a state_dict).
        expectCheckpointError(pickled([0x4E] + repeated([0x85], 100)), "checkpoint: x.pth holds a tuple, not a state_dict")
    }

    @Test func aRootThatIsNotADictIsNamedWithItsArticle() {
        expectCheckpointError(pickled([0x4B, 0x05]), "checkpoint: x.pth holds an int, not a state_dict")
        expectCheckpointError(pickled([0x4E]), "checkpoint: x.pth holds None, not a state_dict")
    }

    /// EMPTY_LIST, then 10^5 times: a new list, remembered in memo 0, appended to the one on the
    /// stack, which is then replaced by the new one. Memo 1 keeps the outermost.
    static let deepList = [0x5D, 0x71, 0x01] + repeated([0x5D, 0x71, 0x00, 0x61, 0x30, 0x68, 0x00], 100_000) + [0x30, 0x68, 0x01]
    /// The same with dicts: {0: {0: {0: ...}}}.
    static let deepDict = [0x7D, 0x71, 0x01] + repeated([0x4B, 0x00, 0x7D, 0x71, 0x00, 0x73, 0x30, 0x68, 0x00], 100_000) + [0x30, 0x68, 0x01]

    @Test func containersNestedDeepAreFreedWithoutRecursion() {
        // Freed recursively, a chain of 10^5 lists overflows the Swift stack (see PickleArena).
        expectCheckpointError(pickled(Self.deepList), "checkpoint: x.pth holds a list, not a state_dict")
        expectCheckpointError(pickled(Self.deepDict), "checkpoint: x.pth holds no tensors")
        expectReadsTensorA(stateDict(with: "deep", Self.deepList))
        expectReadsTensorA(stateDict(with: "deep", Self.deepDict))
    }

    /// A list appended into itself, a dict holding itself, a state_dict whose "state_dict" is itself.
    static let selfList: [UInt8] = [0x5D, 0x71, 0x00, 0x68, 0x00, 0x61]
    static let selfDict: [UInt8] = [0x7D, 0x71, 0x00, 0x4B, 0x01, 0x68, 0x00, 0x73]

    @Test func containersContainingThemselvesEndCleanly() {
        expectCheckpointError(pickled(Self.selfList), "checkpoint: x.pth holds a list, not a state_dict")
        expectCheckpointError(pickled(Self.selfDict), "checkpoint: x.pth holds no tensors")
        expectCheckpointError(pickled([0x7D, 0x71, 0x00] + string("state_dict") + [0x68, 0x00, 0x73]), "checkpoint: x.pth holds no tensors")
        // DUP then APPEND: the list into itself without the memo.
        expectCheckpointError(pickled([0x5D, 0x32, 0x61]), "checkpoint: x.pth holds a list, not a state_dict")
        expectReadsTensorA(stateDict(with: "loop", Self.selfList))
        expectReadsTensorA(stateDict(with: "loop", Self.selfDict))
    }

    // MARK: big dicts and heavy keys

    @Test func aDictOfAHundredThousandEntriesIsBuiltInLinearTime() {
        // PickleDict looked keys up by a linear scan: 5 * 10^9 comparisons for this one.
        var items = [UInt8]()
        for i in 0..<100_000 { items += string("key\(i)") + [0x4B, UInt8(i % 256)] }
        expectCheckpointError(pickled([0x7D, 0x28] + items + [0x75]), "checkpoint: x.pth holds no tensors")
        // The same key 10^5 times is one entry, as in Python, and small tuple keys are indexed too.
        let arena = PickleArena()
        defer { arena.empty() }
        var same = [0x80, 0x02, 0x7D, 0x28] + repeated(string("k") + [0x4B, 0x07], 100_000)
        for i in 0..<1000 { same += [0x4B, UInt8(i % 256), 0x4B, UInt8(i / 256), 0x86, 0x4E] }
        var unpickler = RestrictedUnpickler(same + [0x75, 0x2E], name: "p", arena: arena)
        guard case .dict(let d) = try? unpickler.load() else {
            Issue.record("not a dict")
            return
        }
        #expect(d.entries.count == 1001)
        #expect(d[string: "k"].map { if case .int(7) = $0 { true } else { false } } == true)
    }

    @Test func aKeyOfTwoToTheSeventyValuesIsNeverHashed() {
        // t = (); then 70 times t = (t, t): 2^71 values through shared items, used as a dict key.
        let bomb = [0x29, 0x71, 0x00, 0x30] + repeated([0x68, 0x00, 0x68, 0x00, 0x86, 0x71, 0x00, 0x30], 70) + [0x68, 0x00]
        expectCheckpointError(pickled([0x7D] + bomb + [0x4E, 0x73] + [0x68, 0x00, 0x4E, 0x73]), "checkpoint: x.pth holds no tensors")
        let arena = PickleArena()
        defer { arena.empty() }
        var unpickler = RestrictedUnpickler([0x80, 0x02, 0x7D] + bomb + [0x4E, 0x73, 0x68, 0x00, 0x4E, 0x73, 0x2E], name: "p", arena: arena)
        guard case .dict(let d) = try? unpickler.load(), case .tuple(let key) = d.entries.first?.key else {
            Issue.record("not a dict with a tuple key")
            return
        }
        // Never equal to anything, so each SETITEM adds an entry (Python would hash 2^71 values).
        #expect(d.entries.count == 2)
        #expect(key.depth == 71 && key.weight == Int.max)
    }

    // MARK: memo and stack

    @Test func memoIndicesAreCheckedNotTrusted() {
        // LONG_BINPUT/LONG_BINGET at 2^32 - 1 work; an index never put is an error.
        expectReadsTensorA(stateDict(with: "m", [0x4E, 0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0x30, 0x6A, 0xFF, 0xFF, 0xFF, 0xFF]))
        expectCheckpointError(pickled([0x4E, 0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0x6A, 0xFE, 0xFF, 0xFF, 0xFF]),
                              "checkpoint: x.pth: data.pkl: GET of unknown memo entry 4294967294 at offset 8")
        expectCheckpointError(pickled([0x4E, 0x70] + Array("999999999999999999999999999999\n".utf8)),
                              "checkpoint: x.pth: data.pkl: bad PUT index '999999999999999999999999999999' at offset 3")
        expectCheckpointError(pickled([0x67] + Array("-1\n".utf8)), "checkpoint: x.pth: data.pkl: GET of unknown memo entry -1 at offset 2")
        expectCheckpointError(pickled([0x4E] + repeated([0x94], CheckpointLimits.maxMemoEntries + 1)),
                              "checkpoint: x.pth: data.pkl: more than 1048576 memo entries at offset 1048579")
    }

    @Test func theStackAndTheMarksAreBounded() {
        expectCheckpointError(pickled(repeated([0x4E], CheckpointLimits.maxPickleStack + 1)),
                              "checkpoint: x.pth: data.pkl: pickle stack deeper than 1048576 values at offset 1048578")
        expectCheckpointError(pickled(repeated([0x28], CheckpointLimits.maxPickleStack + 1)),
                              "checkpoint: x.pth: data.pkl: pickle stack deeper than 1048576 values at offset 1048578")
    }

    // MARK: what the messages quote

    @Test func textOperandsAreEscapedAndCut() {
        let cases: [([UInt8], String)] = [
            ([0x49] + [0x00, 0x1B, 0x5B, 0x32, 0x4A, 0xFF, 0x4F, 0x51, 0x4B, 0x0A],
             "checkpoint: x.pth: data.pkl: bad integer '\\x00\\x1B[2J\\xFFOQK' at offset 2"),
            ([0x46] + Array("1.5\u{1B}]0;x\u{07}\n".utf8), "checkpoint: x.pth: data.pkl: bad float '1.5\\x1B]0;x\\x07' at offset 2"),
            ([0x63] + Array("\u{1B}[31mos\nsys\u{07}tem\n".utf8),
             "checkpoint: x.pth: data.pkl: refusing global '\\x1B[31mos.sys\\x07tem': a checkpoint may hold only tensors and dicts at offset 2"),
            ([0x63, 0x72, 0x0D, 0x4B, 0xFE, 0x0A, 0x4B, 0x0A],
             "checkpoint: x.pth: data.pkl: refusing global 'r\\x0DK\\xFE.K': a checkpoint may hold only tensors and dicts at offset 2"),
            (string("posix\u{1B}[2J") + string("system\r") + [0x93],
             "checkpoint: x.pth: data.pkl: refusing global 'posix\\x1B[2J.system\\x0D': a checkpoint may hold only tensors and dicts at offset 28"),
            ([0x63] + Array(String(repeating: "m", count: 3000).utf8) + [0x0A] + Array("x\n".utf8),
             "checkpoint: x.pth: data.pkl: refusing global '\(String(repeating: "m", count: 80))… (2922 more bytes)': a checkpoint may hold only tensors and dicts at offset 2"),
            ([0x49] + repeated([0x31], 5000),
             "checkpoint: x.pth: data.pkl: text line longer than 4096 bytes at offset 3"),
            ([0x49] + Array("12".utf8), "checkpoint: x.pth: data.pkl is truncated: unterminated line at offset 3"),
        ]
        for (body, line) in cases {
            expectCheckpointError(pickled(body), line)
        }
    }

    @Test func opcodesOutsideTheSubsetAreNamed() {
        let cases: [([UInt8], String)] = [
            ([0xFF], "checkpoint: x.pth: data.pkl: unknown pickle opcode 0xff at offset 2"),
            ([0x28] + Array("ccollections\nOrderedDict\n".utf8) + [0x6F],
             "checkpoint: x.pth: data.pkl: unsupported pickle opcode OBJ (0x6f) at offset 28"),
            ([0x28] + Array("icollections\nOrderedDict\n".utf8),
             "checkpoint: x.pth: data.pkl: unsupported pickle opcode INST (0x69) at offset 3"),
            (Array("ccollections\nOrderedDict\n".utf8) + [0x29, 0x7D, 0x92],
             "checkpoint: x.pth: data.pkl: unsupported pickle opcode NEWOBJ_EX (0x92) at offset 29"),
            ([0x82, 0x01], "checkpoint: x.pth: data.pkl: unsupported pickle opcode EXT1 (0x82) at offset 2"),
            ([0x83, 0x01, 0x00], "checkpoint: x.pth: data.pkl: unsupported pickle opcode EXT2 (0x83) at offset 2"),
            ([0x84, 0x01, 0x00, 0x00, 0x00], "checkpoint: x.pth: data.pkl: unsupported pickle opcode EXT4 (0x84) at offset 2"),
            (Array("P0\n".utf8), "checkpoint: x.pth: data.pkl: unsupported pickle opcode PERSID (0x50) at offset 2"),
            (Array("S'x'\n".utf8), "checkpoint: x.pth: data.pkl: unsupported pickle opcode STRING (0x53) at offset 2"),
            ([0x8F], "checkpoint: x.pth: data.pkl: unsupported pickle opcode EMPTY_SET (0x8f) at offset 2"),
            (Array("ctorch\nFloatStorage\n".utf8) + [0x29, 0x52],
             "checkpoint: x.pth: data.pkl: 'torch.FloatStorage' cannot be called at offset 23"),
            (string("storage") + [0x51],
             "checkpoint: x.pth: data.pkl: unsupported persistent id (a str, not a ('storage', ...) tuple) at offset 14"),
            ([0x8B, 0xFF, 0xFF, 0xFF, 0x7F], "checkpoint: x.pth: data.pkl: integer of 2147483647 bytes is too large at offset 2"),
            ([0x8E] + [UInt8](repeating: 0xFF, count: 8),
             "checkpoint: x.pth: data.pkl: length 18446744073709551615 too large at offset 2"),
            ([0x8D, 0, 0, 0, 0, 0, 0, 0, 0x40],
             "checkpoint: x.pth: data.pkl is truncated: needs 4611686018427387904 bytes at offset 11, has 1"),
        ]
        for (body, line) in cases {
            expectCheckpointError(pickled(body), line)
        }
    }

    @Test func buildSetsNothingAndCallsNothing() {
        // BUILD on an allowed OrderedDict with a state: Python would call __setstate__; here the
        // state is dropped and the dict stays what it was.
        expectReadsTensorA(stateDict(with: "built", Array("ccollections\nOrderedDict\n".utf8) + [0x29, 0x52, 0x7D, 0x62]))
    }
}
