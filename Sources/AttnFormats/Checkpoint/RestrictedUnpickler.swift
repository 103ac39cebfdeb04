// RestrictedUnpickler: a pickle virtual machine that knows only what a state_dict needs. It
// never imports or calls anything: GLOBAL may name only the allowlisted OrderedDict, torch's
// tensor and parameter rebuild functions and the storage classes (anything else, os.system
// included, is refused by name), and REDUCE applies only those, here, in Swift. Persistent ids
// become storage references; the caller reads the storage bytes. Every bound (stack, memo, tuple
// depth, text line length) is in CheckpointLimits, and every piece of the file quoted in an error
// is escaped.
import AttnText

struct RestrictedUnpickler {
    static let allowedGlobals = Set([
        "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
    ] + TorchDType.allCases.flatMap { ["torch.\($0.rawValue)", "torch.cuda.\($0.rawValue)"] })

    private var reader: ByteReader
    private let arena: PickleArena
    private var stack: [PickleValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]

    /// `arena` keeps every list and dict built; the caller empties it when done with the values.
    init(_ bytes: [UInt8], name: String, offset: Int = 0, arena: PickleArena) {
        reader = ByteReader(bytes, name: name, offset: offset)
        self.arena = arena
    }

    /// Where the pickle ended (legacy checkpoints hold several pickles back to back).
    var offset: Int { reader.offset }

    mutating func load() throws -> PickleValue {
        while true {
            let at = reader.offset
            let op = try reader.byte()
            if op == 0x2E { // STOP
                guard let top = stack.popLast() else { throw failure("STOP with an empty stack", at) }
                return top
            }
            try execute(op, at: at)
            guard stack.count <= CheckpointLimits.maxPickleStack, marks.count <= CheckpointLimits.maxPickleStack else {
                throw failure("pickle stack deeper than \(CheckpointLimits.maxPickleStack) values", at)
            }
        }
    }

    private func failure(_ message: String, _ at: Int) -> CheckpointError {
        CheckpointError("\(reader.name): \(message) at offset \(at)")
    }

    private mutating func pop(_ at: Int) throws -> PickleValue {
        guard let v = stack.popLast() else { throw failure("pickle stack underflow", at) }
        return v
    }

    private mutating func popMark(_ at: Int) throws -> [PickleValue] {
        guard let mark = marks.popLast(), mark <= stack.count else { throw failure("no MARK to pop to", at) }
        defer { stack.removeLast(stack.count - mark) }
        return Array(stack[mark...])
    }

    private func tuple(_ items: [PickleValue], _ at: Int) throws -> PickleValue {
        let t = PickleTuple(items)
        guard t.depth <= CheckpointLimits.maxTupleDepth else {
            throw failure("tuples nested deeper than \(CheckpointLimits.maxTupleDepth) levels", at)
        }
        return .tuple(t)
    }

    private mutating func int(_ size: Int) throws -> Int { Int(truncatingIfNeeded: try reader.uint(size)) }

    private mutating func length(_ size: Int, _ at: Int) throws -> Int {
        let n = try reader.uint(size)
        guard n <= UInt64(Int.max) else { throw failure("length \(n) too large", at) }
        return Int(n)
    }

    private mutating func line() throws -> ArraySlice<UInt8> {
        try reader.line(maxLength: CheckpointLimits.maxTextLine)
    }

    /// A text opcode's decimal operand, or an error quoting it (escaped: it may be any bytes).
    private mutating func decimal(_ what: String, _ at: Int) throws -> Int {
        let raw = try line()
        guard let value = Int(String(decoding: raw, as: UTF8.self)) else {
            throw failure("bad \(what) '\(DisplayText.escaped(bytes: raw))'", at)
        }
        return value
    }

    // Operands are popped into locals before a non-mutating helper sees them: in
    // `helper(try pop(at))` an unoptimised build copies self for the helper first, so the pop
    // copies the whole stack (a 10^4-tensor state_dict took seconds to read in the tests).
    private mutating func execute(_ op: UInt8, at: Int) throws {
        switch op {
        case 0x80: _ = try reader.byte()                                   // PROTO
        case 0x95: _ = try reader.read(8)                                  // FRAME
        case 0x28: marks.append(stack.count)                               // MARK
        case 0x30: _ = try pop(at)                                         // POP
        case 0x31: _ = try popMark(at)                                     // POP_MARK
        case 0x32: stack.append(try pop(at)); stack.append(stack.last!)   // DUP
        case 0x4E: stack.append(.none)                                     // NONE
        case 0x88: stack.append(.bool(true))                               // NEWTRUE
        case 0x89: stack.append(.bool(false))                              // NEWFALSE
        case 0x4A: stack.append(.int(Int(Int32(truncatingIfNeeded: try reader.uint(4)))))  // BININT
        case 0x4B: stack.append(.int(Int(try reader.byte())))             // BININT1
        case 0x4D: stack.append(.int(try int(2)))                          // BININT2
        case 0x8A, 0x8B: stack.append(.int(try longInteger(op == 0x8A ? 1 : 4, at)))  // LONG1, LONG4
        case 0x49, 0x4C:                                                   // INT, LONG (text)
            var raw = try line()
            if raw.last == UInt8(ascii: "L") { raw = raw.dropLast() }  // protocol 0 longs: "123L"
            switch Array(raw) {
            case Array("00".utf8): stack.append(.bool(false))
            case Array("01".utf8): stack.append(.bool(true))
            default:
                guard let v = Int(String(decoding: raw, as: UTF8.self)) else {
                    throw failure("bad integer '\(DisplayText.escaped(bytes: raw))'", at)
                }
                stack.append(.int(v))
            }
        case 0x47: stack.append(.float(Double(bitPattern: UInt64(bigEndian: try reader.read(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })))) // BINFLOAT
        case 0x46:                                                         // FLOAT (text)
            let raw = try line()
            guard let v = Double(String(decoding: raw, as: UTF8.self)) else {
                throw failure("bad float '\(DisplayText.escaped(bytes: raw))'", at)
            }
            stack.append(.float(v))
        case 0x58: stack.append(.string(try utf8(try length(4, at))))     // BINUNICODE
        case 0x8C: stack.append(.string(try utf8(try length(1, at))))     // SHORT_BINUNICODE
        case 0x8D: stack.append(.string(try utf8(try length(8, at))))     // BINUNICODE8
        case 0x54: stack.append(.string(try utf8(try length(4, at))))     // BINSTRING
        case 0x55: stack.append(.string(try utf8(try length(1, at))))     // SHORT_BINSTRING
        case 0x42: stack.append(.bytes(Array(try reader.read(try length(4, at)))))  // BINBYTES
        case 0x43: stack.append(.bytes(Array(try reader.read(try length(1, at)))))  // SHORT_BINBYTES
        case 0x8E: stack.append(.bytes(Array(try reader.read(try length(8, at)))))  // BINBYTES8
        case 0x5D: stack.append(.list(arena.list()))                      // EMPTY_LIST
        case 0x6C: stack.append(.list(arena.list(try popMark(at))))       // LIST
        case 0x61:                                                         // APPEND
            let v = try pop(at)
            try list(at).items.append(v)
        case 0x65:                                                         // APPENDS
            let items = try popMark(at)
            try list(at).items.append(contentsOf: items)
        case 0x29: stack.append(.tuple(PickleTuple([])))                   // EMPTY_TUPLE
        case 0x74:                                                         // TUPLE
            let items = try popMark(at)
            let t = try tuple(items, at)
            stack.append(t)
        case 0x85, 0x86, 0x87:                                             // TUPLE1..3
            let n = Int(op - 0x84)
            guard stack.count >= n else { throw failure("pickle stack underflow", at) }
            let items = Array(stack.suffix(n))
            stack.removeLast(n)
            let t = try tuple(items, at)
            stack.append(t)
        case 0x7D: stack.append(.dict(arena.dict()))                      // EMPTY_DICT
        case 0x64:                                                         // DICT
            let items = try popMark(at)
            let d = arena.dict()
            try setItems(d, items, at)
            stack.append(.dict(d))
        case 0x73:                                                         // SETITEM
            let value = try pop(at), key = try pop(at)
            try dict(at).set(key, value)
        case 0x75:                                                         // SETITEMS
            let items = try popMark(at)
            try setItems(try dict(at), items, at)
        case 0x63:                                                         // GLOBAL
            let module = try line(), name = try line()
            let g = try global(module, name, at)
            stack.append(g)
        case 0x69:                                                         // INST
            // INST instantiates the class it names: refuse by name, and even an allowed one.
            let module = try line(), name = try line()
            _ = try global(module, name, at)
            throw failure("unsupported pickle opcode \(PickleOpcode.describe(op))", at)
        case 0x93:                                                         // STACK_GLOBAL
            guard case .string(let name) = try pop(at), case .string(let module) = try pop(at) else {
                throw failure("STACK_GLOBAL needs two strings", at)
            }
            let g = try global(Array(module.utf8)[...], Array(name.utf8)[...], at)
            stack.append(g)
        case 0x71: try remember(Int(try reader.byte()), at)               // BINPUT
        case 0x72: try remember(try int(4), at)                            // LONG_BINPUT
        case 0x70: try remember(try decimal("PUT index", at), at)          // PUT (text)
        case 0x94: try remember(memo.count, at)                            // MEMOIZE
        case 0x68: try recall(Int(try reader.byte()), at)                  // BINGET
        case 0x6A: try recall(try int(4), at)                              // LONG_BINGET
        case 0x67: try recall(try decimal("GET index", at), at)           // GET (text)
        case 0x51:                                                         // BINPERSID
            let pid = try pop(at)
            let storage = try persistentLoad(pid, at)
            stack.append(storage)
        case 0x52:                                                         // REDUCE
            let args = try pop(at), callable = try pop(at)
            let result = try reduce(callable, args, at)
            stack.append(result)
        case 0x62:                                                         // BUILD
            // State set on an OrderedDict (its _metadata) or a rebuilt tensor is not needed, and
            // nothing is called to set it (Python would call __setstate__).
            _ = try pop(at)
            guard !stack.isEmpty else { throw failure("BUILD with an empty stack", at) }
        case 0x81:                                                         // NEWOBJ
            let args = try pop(at), cls = try pop(at)
            let result = try reduce(cls, args, at)
            stack.append(result)
        default:
            // OBJ, NEWOBJ_EX, EXT1/2/4 (copyreg's registry), PERSID, sets, buffers, text strings.
            let known = PickleOpcode.names[op] != nil
            throw failure("\(known ? "unsupported" : "unknown") pickle opcode \(PickleOpcode.describe(op))", at)
        }
    }

    private mutating func utf8(_ count: Int) throws -> String {
        String(decoding: try reader.read(count), as: UTF8.self)
    }

    private mutating func longInteger(_ lengthSize: Int, _ at: Int) throws -> Int {
        let n = try length(lengthSize, at)
        guard n <= 8 else { throw failure("integer of \(n) bytes is too large", at) }
        let bytes = try reader.read(n)
        guard n > 0 else { return 0 }
        var value = bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        if n < 8 && bytes.last! & 0x80 != 0 { value |= ~UInt64(0) << UInt64(8 * n) }  // sign-extend
        return Int(Int64(bitPattern: value))
    }

    private func top(_ at: Int) throws -> PickleValue {
        guard let v = stack.last else { throw failure("PUT with an empty stack", at) }
        return v
    }

    private mutating func remember(_ index: Int, _ at: Int) throws {
        let value = try top(at)
        guard memo[index] != nil || memo.count < CheckpointLimits.maxMemoEntries else {
            throw failure("more than \(CheckpointLimits.maxMemoEntries) memo entries", at)
        }
        memo[index] = value
    }

    private mutating func recall(_ index: Int, _ at: Int) throws {
        guard let v = memo[index] else { throw failure("GET of unknown memo entry \(index)", at) }
        stack.append(v)
    }

    private func list(_ at: Int) throws -> PickleList {
        guard case .list(let l) = stack.last else { throw failure("APPEND to a \(stack.last?.kind ?? "nothing")", at) }
        return l
    }

    private func dict(_ at: Int) throws -> PickleDict {
        guard case .dict(let d) = stack.last else { throw failure("SETITEM on a \(stack.last?.kind ?? "nothing")", at) }
        return d
    }

    private func setItems(_ d: PickleDict, _ items: [PickleValue], _ at: Int) throws {
        guard items.count % 2 == 0 else { throw failure("odd number of dict items", at) }
        for i in stride(from: 0, to: items.count, by: 2) { d.set(items[i], items[i + 1]) }
    }

    /// The module and name as the file spells them (GLOBAL's lines are any bytes, not UTF-8).
    private func global(_ module: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>, _ at: Int) throws -> PickleValue {
        let full = String(decoding: module, as: UTF8.self) + "." + String(decoding: name, as: UTF8.self)
        guard Self.allowedGlobals.contains(full) else {
            let shown = DisplayText.escaped(bytes: Array(module) + [UInt8(ascii: ".")] + Array(name))
            throw failure("refusing global '\(shown)': a checkpoint may hold only tensors and dicts", at)
        }
        return .global(full)
    }

    /// ('storage', storage class, key, location, numel[, view metadata]).
    private func persistentLoad(_ pid: PickleValue, _ at: Int) throws -> PickleValue {
        guard case .tuple(let t) = pid, t.count >= 5, case .string("storage") = t[0] else {
            throw failure("unsupported persistent id (a \(pid.kind), not a ('storage', ...) tuple)", at)
        }
        guard case .global(let cls) = t[1], let dtype = TorchDType(storageClass: cls) else {
            throw failure("persistent id has a \(t[1].kind) where a storage class belongs", at)
        }
        guard case .int(let count) = t[4], count >= 0 else {
            throw failure("persistent id has a storage size that is not a non-negative int", at)
        }
        let key: String
        switch t[2] {
        case .string(let s): key = s
        case .int(let i): key = String(i)
        default: throw failure("storage key is a \(t[2].kind)", at)
        }
        // Legacy view storages: (view key, offset, size) into the root storage.
        var storage = StorageReference(dtype: dtype, key: key, count: count, elementOffset: 0)
        if t.count >= 6, case .tuple(let view) = t[5], view.count == 3, case .int(let offset) = view[1], case .int(let size) = view[2] {
            guard offset >= 0, size >= 0, offset <= count, size <= count - offset else {
                throw failure("storage view (\(size) elements at \(offset)) outside its \(count)-element storage", at)
            }
            storage = StorageReference(dtype: dtype, key: key, count: size, elementOffset: offset)
        }
        arena.record(storage)
        return .storage(storage)
    }

    private func reduce(_ callable: PickleValue, _ args: PickleValue, _ at: Int) throws -> PickleValue {
        guard case .global(let name) = callable, case .tuple(let a) = args else {
            throw failure("REDUCE of a \(callable.kind) with \(args.kind) arguments", at)
        }
        switch name {
        case "collections.OrderedDict":
            return .dict(arena.dict())
        case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor":
            guard a.count >= 4, case .storage(let storage) = a[0], case .int(let offset) = a[1],
                  let size = Self.ints(a[2]), let stride = Self.ints(a[3]), size.count == stride.count
            else { throw failure("malformed \(name) arguments", at) }
            return .tensor(TensorReference(storage: storage, storageOffset: offset, size: size, stride: stride))
        case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state":
            guard let data = a.first, case .tensor = data else { throw failure("\(name) of a non-tensor", at) }
            return data
        default:
            throw failure("'\(name)' cannot be called", at)
        }
    }

    private static func ints(_ v: PickleValue) -> [Int]? {
        guard case .tuple(let items) = v else { return nil }
        var out = [Int]()
        for item in items {
            guard case .int(let i) = item else { return nil }
            out.append(i)
        }
        return out
    }
}
