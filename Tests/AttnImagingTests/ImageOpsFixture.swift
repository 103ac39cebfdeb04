// ImageOpsFixture: the PyTorch reference cases of Tests/Fixtures/image_ops.safetensors (written by
// scripts/fixtures/make_image_fixtures.py). Each case's parameters are a JSON string in the
// metadata under "op/case"; its tensors are "op/case/input" and "op/case/expected".
import AttnEngine
import AttnFormats
import AttnTestSupport
import Foundation

struct ImageOpCase: CustomStringConvertible, Sendable {
    struct Parameters: Decodable, Sendable {
        let op: String
        let size: [Int]?
        let kind: String?
        let mean: [Float]?
        let std: [Float]?
        let offset: Float?
        let scale: Float?
    }

    let name: String
    let parameters: Parameters
    let input: Tensor
    let expected: Tensor

    var description: String { name }
    var size: (height: Int, width: Int) { (parameters.size![0], parameters.size![1]) }

    /// The cases of one op; empty if the file cannot be read, which the count tests catch.
    static func cases(_ op: String) -> [ImageOpCase] {
        all.filter { $0.parameters.op == op }.sorted { $0.name < $1.name }
    }

    static let all: [ImageOpCase] = {
        guard let file = try? SafeTensors.read(contentsOf: Fixtures.url("image_ops.safetensors")) else { return [] }
        return file.metadata.compactMap { key, json in
            guard let parameters = try? JSONDecoder().decode(Parameters.self, from: Data(json.utf8)),
                  let input = file.tensors["\(key)/input"], let expected = file.tensors["\(key)/expected"]
            else { return nil }
            return ImageOpCase(name: key, parameters: parameters, input: input, expected: expected)
        }
    }()
}
