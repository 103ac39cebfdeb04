// RestrictedUnpickler: a pickle virtual machine that knows only what a state_dict needs. It
// never imports or calls anything: GLOBAL may name only the allowlisted OrderedDict, torch's
// tensor and parameter rebuild functions and the storage classes (anything else, os.system
// included, is refused by name), and REDUCE applies only those, here, in Swift. Persistent ids
// become storage references; the caller reads the storage bytes.

struct RestrictedUnpickler {
    static let allowedGlobals = Set([
        "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
    ] + TorchDType.allCases.flatMap { ["torch.\($0.rawValue)", "torch.cuda.\($0.rawValue)"] })

    private var reader: ByteReader
    private var stack: [PickleValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]
    /// Nested containers are bounded so that a hostile pickle cannot exhaust memory by recursion.
    private static let maxStack = 1 << 20

    init(_ bytes: [UInt8], name: String, offset: Int = 0) {
        reader = ByteReader(bytes, name: name, offset: offset)
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
            guard stack.count < Self.maxStack else { throw failure("pickle stack too deep", at) }
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

    private mutating func int(_ size: Int) throws -> Int { Int(truncatingIfNeeded: try reader.uint(size)) }

    private mutating func length(_ size: Int, _ at: Int) throws -> Int {
        let n = try reader.uint(size)
        guard n <= UInt64(Int.max) else { throw failure("length \(n) too large", at) }
        return Int(n)
    }

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
            let text = try reader.line().trimmingCharacters(suffix: "L")
            switch text {
            case "00": stack.append(.bool(false))
            case "01": stack.append(.bool(true))
            default:
                guard let v = Int(text) else { throw failure("bad integer '\(text)'", at) }
                stack.append(.int(v))
            }
        case 0x47: stack.append(.float(Double(bitPattern: UInt64(bigEndian: try reader.read(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })))) // BINFLOAT
        case 0x46:                                                         // FLOAT (text)
            let text = try reader.line()
            guard let v = Double(text) else { throw failure("bad float '\(text)'", at) }
            stack.append(.float(v))
        case 0x58: stack.append(.string(try utf8(try length(4, at))))     // BINUNICODE
        case 0x8C: stack.append(.string(try utf8(try length(1, at))))     // SHORT_BINUNICODE
        case 0x8D: stack.append(.string(try utf8(try length(8, at))))     // BINUNICODE8
        case 0x54: stack.append(.string(try utf8(try length(4, at))))     // BINSTRING
        case 0x55: stack.append(.string(try utf8(try length(1, at))))     // SHORT_BINSTRING
        case 0x42: stack.append(.bytes(Array(try reader.read(try length(4, at)))))  // BINBYTES
        case 0x43: stack.append(.bytes(Array(try reader.read(try length(1, at)))))  // SHORT_BINBYTES
        case 0x8E: stack.append(.bytes(Array(try reader.read(try length(8, at)))))  // BINBYTES8
        case 0x5D: stack.append(.list(PickleList()))                      // EMPTY_LIST
        case 0x6C: stack.append(.list(PickleList(try popMark(at))))       // LIST
        case 0x61:                                                         // APPEND
            let v = try pop(at)
            try list(at).items.append(v)
        case 0x65:                                                         // APPENDS
            let items = try popMark(at)
            try list(at).items.append(contentsOf: items)
        case 0x29: stack.append(.tuple([]))                                // EMPTY_TUPLE
        case 0x74: stack.append(.tuple(try popMark(at)))                  // TUPLE
        case 0x85, 0x86, 0x87:                                             // TUPLE1..3
            let n = Int(op - 0x84)
            guard stack.count >= n else { throw failure("pickle stack underflow", at) }
            let items = Array(stack.suffix(n))
            stack.removeLast(n)
            stack.append(.tuple(items))
        case 0x7D: stack.append(.dict(PickleDict()))                      // EMPTY_DICT
        case 0x64:                                                         // DICT
            let items = try popMark(at)
            let d = PickleDict()
            try setItems(d, items, at)
            stack.append(.dict(d))
        case 0x73:                                                         // SETITEM
            let value = try pop(at), key = try pop(at)
            try dict(at).set(key, value)
        case 0x75:                                                         // SETITEMS
            let items = try popMark(at)
            try setItems(try dict(at), items, at)
        case 0x63:                                                         // GLOBAL
            let module = try reader.line(), name = try reader.line()
            stack.append(try global(module, name, at))
        case 0x93:                                                         // STACK_GLOBAL
            guard case .string(let name) = try pop(at), case .string(let module) = try pop(at) else {
                throw failure("STACK_GLOBAL needs two strings", at)
            }
            stack.append(try global(module, name, at))
        case 0x71: memo[Int(try reader.byte())] = try top(at)             // BINPUT
        case 0x72: memo[try int(4)] = try top(at)                          // LONG_BINPUT
        case 0x70:                                                         // PUT (text)
            guard let i = Int(try reader.line()) else { throw failure("bad PUT index", at) }
            memo[i] = try top(at)
        case 0x94: memo[memo.count] = try top(at)                          // MEMOIZE
        case 0x68: stack.append(try memoized(Int(try reader.byte()), at)) // BINGET
        case 0x6A: stack.append(try memoized(try int(4), at))              // LONG_BINGET
        case 0x67:                                                         // GET (text)
            guard let i = Int(try reader.line()) else { throw failure("bad GET index", at) }
            stack.append(try memoized(i, at))
        case 0x51: stack.append(try persistentLoad(try pop(at), at))      // BINPERSID
        case 0x52:                                                         // REDUCE
            let args = try pop(at), callable = try pop(at)
            stack.append(try reduce(callable, args, at))
        case 0x62:                                                         // BUILD
            // State set on an OrderedDict (its _metadata) or a rebuilt tensor is not needed.
            _ = try pop(at)
            guard !stack.isEmpty else { throw failure("BUILD with an empty stack", at) }
        case 0x81:                                                         // NEWOBJ
            let args = try pop(at), cls = try pop(at)
            stack.append(try reduce(cls, args, at))
        default:
            throw failure(String(format: "unsupported pickle opcode 0x%02x", op), at)
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

    private func memoized(_ index: Int, _ at: Int) throws -> PickleValue {
        guard let v = memo[index] else { throw failure("GET of unknown memo entry \(index)", at) }
        return v
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

    private func global(_ module: String, _ name: String, _ at: Int) throws -> PickleValue {
        let full = "\(module).\(name)"
        guard Self.allowedGlobals.contains(full) else {
            throw failure("refusing global '\(full)': a checkpoint may hold only tensors and dicts", at)
        }
        return .global(full)
    }

    /// ('storage', storage class, key, location, numel[, view metadata]).
    private func persistentLoad(_ pid: PickleValue, _ at: Int) throws -> PickleValue {
        guard case .tuple(let t) = pid, t.count >= 5, case .string("storage") = t[0], case .global(let cls) = t[1],
              let dtype = TorchDType(storageClass: cls), case .int(let count) = t[4], count >= 0
        else { throw failure("unsupported persistent id \(pid.kind)", at) }
        let key: String
        switch t[2] {
        case .string(let s): key = s
        case .int(let i): key = String(i)
        default: throw failure("storage key is a \(t[2].kind)", at)
        }
        // Legacy view storages: (view key, offset, size) into the root storage.
        if t.count >= 6, case .tuple(let view) = t[5], view.count == 3, case .int(let offset) = view[1], case .int(let size) = view[2] {
            guard offset >= 0, size >= 0, offset + size <= count else { throw failure("storage view outside its storage", at) }
            return .storage(StorageReference(dtype: dtype, key: key, count: size, elementOffset: offset))
        }
        return .storage(StorageReference(dtype: dtype, key: key, count: count, elementOffset: 0))
    }

    private func reduce(_ callable: PickleValue, _ args: PickleValue, _ at: Int) throws -> PickleValue {
        guard case .global(let name) = callable, case .tuple(let a) = args else {
            throw failure("REDUCE of a \(callable.kind) with \(args.kind) arguments", at)
        }
        switch name {
        case "collections.OrderedDict":
            return .dict(PickleDict())
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

extension String {
    func trimmingCharacters(suffix: Character) -> String {
        last == suffix ? String(dropLast()) : self
    }
}
