// `attnview classify` end to end with the shipped weights: the cat is an Egyptian cat (285), the
// coffee an espresso (967); a bad image gets its own error line and a non-zero exit while the
// good ones are still classified.
import AttnTestSupport
import Foundation
import Testing

private func sample(_ name: String) -> String {
    Fixtures.packageRoot.appendingPathComponent("samples/\(name).png").path
}

private struct Result: Decodable {
    let image: String
    let top: [Prediction]?
    let error: String?
    struct Prediction: Decodable { let index: Int; let name: String; let probability: Float }
}

@Test func catAndCoffeeAreClassified() throws {
    let result = try BuiltBinary.run(["classify", sample("cat"), sample("coffee"), "--top", "3", "--json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let results = try JSONDecoder().decode([Result].self, from: Data(result.stdout.utf8))
    #expect(results.count == 2)
    #expect(results[0].top?.first?.index == 285 && results[0].top?.first?.name == "Egyptian cat")
    #expect(results[1].top?.first?.index == 967 && results[1].top?.first?.name == "espresso")
    #expect(results[0].top!.count == 3)
    #expect(abs(results[0].top![0].probability - 0.786) < 0.01)
}

@Test func textOutputNamesTheClass() throws {
    let result = try BuiltBinary.run(["classify", sample("cat")])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").count == 6)
    #expect(result.stdout.split(separator: "\n")[1].contains("285") && result.stdout.contains("Egyptian cat"))
}

@Test func aBadImageIsReportedAndTheOthersStillRun() throws {
    let folder = try TemporaryFolder()
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder.path("bad.png")))
    let result = try BuiltBinary.run(["classify", folder.path("bad.png"), sample("coffee")])
    #expect(result.status != 0)
    #expect(result.stderr == "Error: cannot read image '\(folder.path("bad.png"))': not a PNG or JPEG file\n")
    #expect(result.stdout.contains("espresso"))
}

@Test func sizeIsBounded() throws {
    let result = try BuiltBinary.run(["classify", sample("cat"), "--size", "16"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--size must be between 32 and 1024"))
}
