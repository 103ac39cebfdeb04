// EngineFixture: the PyTorch reference cases of Tests/Fixtures/engine_ops.safetensors (written by
// scripts/fixtures/make_engine_fixtures.py), grouped by op, with their JSON parameters.
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation

struct EngineCase: CustomStringConvertible, Sendable {
    let name: String
    let params: [String: JSONValue]
    let tensors: [String: Tensor]

    var inputs: [Tensor] {
        (0...).lazy.map { tensors["in\($0)"] }.prefix { $0 != nil }.map { $0! }
    }
    var outputs: [Tensor] {
        if let single = tensors["out"] { return [single] }
        return (0...).lazy.map { tensors["out\($0)"] }.prefix { $0 != nil }.map { $0! }
    }
    var description: String { name }

    func int(_ key: String) -> Int { params[key]!.int! }
    func ints(_ key: String) -> [Int] { params[key]!.array!.map { $0.int! } }
    func pair(_ key: String) -> (Int, Int) { let v = ints(key); return (v[0], v[1]) }
    func float(_ key: String) -> Float { Float(params[key]!.double!) }
    func string(_ key: String) -> String { params[key]!.string! }
    func bool(_ key: String) -> Bool { params[key]!.bool! }
}

/// The few JSON shapes the fixture parameters use.
enum JSONValue: Decodable, Sendable {
    case number(Double), string(String), bool(Bool), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }
    var int: Int? { if case .number(let d) = self { return Int(d) } else { return nil } }
    var double: Double? { if case .number(let d) = self { return d } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// A JSON null inside an array (PyTorch's None in adaptive pool sizes).
    var optionalInt: Int? { int }
}

enum EngineFixture {
    static let cases: [EngineCase] = {
        let file = try! SafeTensors.read(contentsOf: Fixtures.url("engine_ops.safetensors"))
        return file.metadata.keys.sorted().map { name in
            let params = try! JSONDecoder().decode([String: JSONValue].self, from: Data(file.metadata[name]!.utf8))
            let prefix = name + "/"
            var own = [String: Tensor]()
            for (key, t) in file.tensors where key.hasPrefix(prefix) {
                own[String(key.dropFirst(prefix.count))] = t
            }
            return EngineCase(name: name, params: params, tensors: own)
        }
    }()

    static func cases(op: String) -> [EngineCase] {
        cases.filter { $0.params["op"]?.string == op }
    }
}
