// BlockFixture: the PyTorch reference cases of one block (Tests/Fixtures/blocks/<block>.safetensors,
// written by scripts/fixtures/make_block_fixtures.py): input, output, maps, the reference module's
// state_dict and the options it was built with.
import AttnBlocks
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation

struct BlockCase: CustomStringConvertible {
    let name: String
    let options: [String: String]
    let input: Tensor
    let output: Tensor
    let maps: [String: Tensor]
    let weights: [String: Tensor]

    var description: String { name }
}

enum BlockFixture {
    static func cases(block: String) throws -> [BlockCase] {
        let file = try SafeTensors.read(contentsOf: Fixtures.url("blocks/\(block).safetensors"))
        struct Meta: Decodable { let options: [String: String] }
        return try file.metadata.keys.sorted().filter { !$0.hasPrefix("parameters/") }.map { name in
            let meta = try JSONDecoder().decode(Meta.self, from: Data(file.metadata[name]!.utf8))
            var maps = [String: Tensor](), weights = [String: Tensor]()
            for (key, tensor) in file.tensors where key.hasPrefix(name + "/") {
                let rest = String(key.dropFirst(name.count + 1))
                if rest.hasPrefix("maps.") { maps[String(rest.dropFirst(5))] = tensor }
                if rest.hasPrefix("weights.") { weights[String(rest.dropFirst(8))] = tensor }
            }
            return BlockCase(name: name, options: meta.options, input: file.tensors["\(name)/input"]!,
                             output: file.tensors["\(name)/output"]!, maps: maps, weights: weights)
        }
    }

    /// PyTorch's parameter counts of reference modules: (channels, options, count).
    static func parameterCounts(block: String) throws -> [(channels: Int, options: [String: String], count: Int)] {
        let file = try SafeTensors.read(contentsOf: Fixtures.url("blocks/\(block).safetensors"))
        struct Counted: Decodable { let channels: Int; let options: [String: String]; let count: Int }
        return try file.metadata.keys.sorted().filter { $0.hasPrefix("parameters/") }.map { key in
            let c = try JSONDecoder().decode(Counted.self, from: Data(file.metadata[key]!.utf8))
            return (c.channels, c.options, c.count)
        }
    }

    /// Builds the block with the case's options and the reference's weights, strictly.
    static func build(_ block: String, _ c: BlockCase) throws -> BuiltBlock {
        try BlockRegistry.build(block, channels: c.input.shape[1], options: BlockOptions(c.options),
                                source: .weights(WeightStore(c.weights).root))
    }
}
