// Malicious checkpoints written with Python's own pickle machinery
// (scripts/fixtures/make_hostile_checkpoints.py, which checked that torch.load and pickle.loads
// run each payload): GLOBAL, STACK_GLOBAL, REDUCE, BUILD/__setstate__, INST, OBJ, NEWOBJ,
// NEWOBJ_EX, EXT1/2/4 and persistent-id tricks, in zip and legacy files. Each payload would
// `touch /tmp/attnview-pwned-<case>`; attnview must refuse it with its exact error line, naming
// the refused global or opcode, and the marker must not appear.
@testable import AttnFormats
import AttnTestSupport
import Foundation
import Testing

/// File (without .pth) -> the one error line expected from it.
let hostileCheckpoints: [(file: String, line: String)] = [
    ("reduce_zip",
     "checkpoint: reduce_zip.pth: data.pkl: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 272"),
    ("reduce_legacy",
     "checkpoint: reduce_legacy.pth: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 437"),
    ("stack_global_zip",
     "checkpoint: stack_global_zip.pth: data.pkl: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 266"),
    ("stack_global_legacy",
     "checkpoint: stack_global_legacy.pth: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 432"),
    ("build_setstate_zip",
     "checkpoint: build_setstate_zip.pth: data.pkl: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 16"),
    ("build_setstate_legacy",
     "checkpoint: build_setstate_legacy.pth: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 153"),
    ("inst_zip",
     "checkpoint: inst_zip.pth: data.pkl: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 56"),
    ("inst_legacy",
     "checkpoint: inst_legacy.pth: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 196"),
    ("obj_zip",
     "checkpoint: obj_zip.pth: data.pkl: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 17"),
    ("obj_legacy",
     "checkpoint: obj_legacy.pth: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 154"),
    ("newobj_zip",
     "checkpoint: newobj_zip.pth: data.pkl: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 16"),
    ("newobj_legacy",
     "checkpoint: newobj_legacy.pth: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 153"),
    ("newobj_ex_zip",
     "checkpoint: newobj_ex_zip.pth: data.pkl: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 46"),
    ("newobj_ex_legacy",
     "checkpoint: newobj_ex_legacy.pth: refusing global 'types.SimpleNamespace': a checkpoint may hold only tensors and dicts at offset 183"),
    ("ext1_zip",
     "checkpoint: ext1_zip.pth: data.pkl: unsupported pickle opcode EXT1 (0x82) at offset 16"),
    ("ext1_legacy",
     "checkpoint: ext1_legacy.pth: unsupported pickle opcode EXT1 (0x82) at offset 153"),
    ("ext2_zip",
     "checkpoint: ext2_zip.pth: data.pkl: unsupported pickle opcode EXT2 (0x83) at offset 16"),
    ("ext2_legacy",
     "checkpoint: ext2_legacy.pth: unsupported pickle opcode EXT2 (0x83) at offset 153"),
    ("ext4_zip",
     "checkpoint: ext4_zip.pth: data.pkl: unsupported pickle opcode EXT4 (0x84) at offset 16"),
    ("ext4_legacy",
     "checkpoint: ext4_legacy.pth: unsupported pickle opcode EXT4 (0x84) at offset 153"),
    ("persid_reduce_zip",
     "checkpoint: persid_reduce_zip.pth: data.pkl: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 80"),
    ("persid_reduce_legacy",
     "checkpoint: persid_reduce_legacy.pth: refusing global 'posix.system': a checkpoint may hold only tensors and dicts at offset 217"),
    ("persid_eval_class_zip",
     "checkpoint: persid_eval_class_zip.pth: data.pkl: refusing global 'builtins.eval': a checkpoint may hold only tensors and dicts at offset 80"),
    ("persid_eval_class_legacy",
     "checkpoint: persid_eval_class_legacy.pth: refusing global 'builtins.eval': a checkpoint may hold only tensors and dicts at offset 217"),
    ("persid_not_a_storage_zip",
     "checkpoint: persid_not_a_storage_zip.pth: data.pkl: persistent id has a collections.OrderedDict where a storage class belongs at offset 122"),
    ("persid_not_a_storage_legacy",
     "checkpoint: persid_not_a_storage_legacy.pth: persistent id has a collections.OrderedDict where a storage class belongs at offset 260"),
]

/// Where the payload of `file` would leave its mark.
func pwnedMarker(_ file: String) -> String { "/tmp/attnview-pwned-\(file)" }

@Suite(.timeLimit(.minutes(1))) struct HostileCheckpointTests {
    @Test(arguments: hostileCheckpoints)
    func refusedByNameAndNothingRuns(file: String, line: String) throws {
        let marker = pwnedMarker(file)
        try? FileManager.default.removeItem(atPath: marker)
        let error = #expect(throws: CheckpointError.self) {
            try PyTorchCheckpoint.read(contentsOf: Fixtures.url("hostile/\(file).pth"))
        }
        #expect(error?.description == line)
        if let error { expectReadable(error.description) }
        #expect(!FileManager.default.fileExists(atPath: marker), "\(marker) appeared")
    }

    @Test func everyFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("hostile").path)
            .filter { $0.hasSuffix(".pth") }.map { String($0.dropLast(4)) }
        #expect(Set(files) == Set(hostileCheckpoints.map(\.file)))
    }

    @Test func allowlistHoldsOnlyDataBuilders() {
        // Nothing that could run code: OrderedDict, the tensor and parameter rebuilders, storages.
        for name in RestrictedUnpickler.allowedGlobals {
            let ok = name == "collections.OrderedDict" || name.hasPrefix("torch._utils._rebuild_")
                || (name.hasPrefix("torch.") && name.hasSuffix("Storage"))
            #expect(ok, "\(name)")
        }
    }
}
