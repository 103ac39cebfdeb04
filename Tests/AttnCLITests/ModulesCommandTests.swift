// `attnview modules`: every registered block appears with its parameter count, which equals
// PyTorch's (from the block fixtures' recorded counts), and its maps at the given shape.
import AttnFormats
import AttnTestSupport
import Foundation
import Testing

private struct Row: Decodable {
    let name: String
    let parameters: Int?
    let multiplyAdds: Int?
    let maps: [MapShape]
    let error: String?
    struct MapShape: Decodable { let name: String; let shape: [Int] }
}

private func modules(_ shape: String) throws -> [Row] {
    let result = try BuiltBinary.run(["modules", "--shape", shape, "--json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    return try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
}

@Test(arguments: ["64,56,56", "256,14,14", "96,20,30"])
func parameterCountsEqualPyTorchs(shape: String) throws {
    let channels = Int(shape.split(separator: ",")[0])!
    let rows = try modules(shape)
    #expect(rows.count >= 1)
    var compared = 0
    for row in rows {
        let file = try SafeTensors.read(contentsOf: Fixtures.url("blocks/\(row.name).safetensors"))
        struct Counted: Decodable { let channels: Int; let options: [String: String]; let count: Int }
        let counted = try file.metadata.filter { $0.key.hasPrefix("parameters/") }.map {
            try JSONDecoder().decode(Counted.self, from: Data($0.value.utf8))
        }
        guard let reference = counted.first(where: { $0.channels == channels && $0.options.isEmpty }) else { continue }
        #expect(row.parameters == reference.count, "\(row.name) at \(channels) channels")
        compared += 1
    }
    #expect(compared >= 1, "no block has a PyTorch parameter count at \(channels) channels")
}

@Test func mapsHaveTheShapesOfTheInput() throws {
    let se = try modules("64,56,56").first { $0.name == "se" }!
    #expect(se.maps.map(\.name) == ["channel"])
    #expect(se.maps[0].shape == [1, 64])
    #expect(se.multiplyAdds! > 64 * 56 * 56)
}

@Test func blocksThatCannotRunSaySo() throws {
    let se = try modules("8,4,4").first { $0.name == "se" }!
    #expect(se.parameters == nil)
    #expect(se.error == "8 channels with reduction 16 leave no hidden units")
}

@Test func badShapeIsAnError() throws {
    let result = try BuiltBinary.run(["modules", "--shape", "64,56"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--shape must be three positive integers"))
}

/// Shapes whose product overflows or that would need gigabytes (4096 x 4096 x 4 once ran 73 s
/// and died on a 6.6 GB allocation) are refused at once, with the limits.
@Test(arguments: ["2147483647,2147483647,2147483647", "4096,4096,4", "8192,8,8", "1,1024,1024", "64,256,256", "0,5,5"])
func oversizedShapesAreRefused(shape: String) throws {
    let result = try BuiltBinary.run(["modules", "--shape", shape], timeout: 10)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: --shape must be three positive integers C,H,W (C up to 2048, H and W up to 512, C*H*W up to 1048576), got '\(shape)'"),
            "\(result.stderr)")
}

@Test func theLargestShapesRun() throws {
    for shape in ["2048,22,22", "4,512,512"] {
        let result = try BuiltBinary.run(["modules", "--shape", shape, "--json"])
        #expect(result.status == 0, "\(shape): \(result.stderr)")
    }
}
