// Probe mode: for every block, every layer of EfficientNet-Lite0 carries the maps the block
// declares (its BlockInfo's MapSpecs, and README's table) with their shapes, except where the block cannot run at that size;
// two runs give identical maps; options that do not fit a layer are moved and reported; trained
// probe weights load strictly per layer.
import AttnBlocks
import AttnEngine
import AttnModels
import AttnTestSupport
import Testing

/// The maps a block records on a (1, c, h, w) input, with their shapes, given its settings.
func promisedMaps(_ block: String, c: Int, h: Int, w: Int, settings: [String: String]) -> [String: [Int]] {
    switch block {
    case "se", "eca": return ["channel": [1, c]]
    case "bam": return ["channel": [1, c], "spatial": [1, h, w], "gate": [1, c, h, w]]
    case "cbam": return ["channel": [1, c], "spatial": [1, h, w]]
    case "simam": return ["energy": [1, c, h, w]]
    case "sa":
        let g = Int(settings["groups"]!)!
        return ["channel": [1, g, c / (2 * g)], "spatial": [1, g, c / (2 * g), h, w]]
    case "coordatt": return ["h": [1, c, h], "w": [1, c, w]]
    case "gc": return ["context": [1, h, w], "channel_add": [1, c]]
    case "acmix": return ["attention": [1, Int(settings["head"]!)!, 49, h, w], "rate": [2]]
    case "triplet": return ["cw": [1, c, w], "hc": [1, h, c], "hw": [1, h, w]]
    case "spd": return [:]
    default: return ["unknown block": []]
    }
}

let probeInput = lite0Fixture["cat_64/input"]!

@Test("every layer has the promised maps", arguments: BlockRegistry.names)
func everyLayerHasThePromisedMaps(block: String) throws {
    let run = try ProbeMode.run(probeInput, network: lite0, request: .init(block: block))
    #expect(run.layers.map(\.name) == EfficientNetLite0.layerNames)
    #expect(run.weightsSource == (["simam", "spd"].contains(block) ? "no parameters" : "untrained, seed 0"))
    for layer in run.layers {
        let (_, c, h, w) = layer.feature.nchw
        // ACmix's reflection padding needs sides larger than kernel_att / 2 = 3.
        if block == "acmix" && h <= 3 {
            #expect(layer.error != nil, "\(layer.name): acmix should refuse \(h)x\(w)")
            continue
        }
        #expect(layer.error == nil, "\(block) on \(layer.name) (\(c)x\(h)x\(w)): \(layer.error ?? "")")
        let settings = Dictionary(uniqueKeysWithValues: layer.settings.map { ($0.key, $0.value) })
        let promised = promisedMaps(block, c: c, h: h, w: w, settings: settings)
        #expect(Dictionary(uniqueKeysWithValues: layer.maps.map { ($0.name, $0.tensor.shape) }) == promised, "\(block) on \(layer.name)")
        if block == "spd" { #expect(layer.output?.shape == [1, 4 * c, h / 2, w / 2]) }
    }
    // The probes leave the backbone alone: its logits are the plain network's.
    #expect(run.logits == lite0.forward(probeInput))
}

@Test("two runs give identical maps", arguments: ["cbam", "sa", "coordatt", "acmix"])
func probeRunsAreReproducible(block: String) throws {
    let a = try ProbeMode.run(probeInput, network: lite0, request: .init(block: block, seed: 3))
    let b = try ProbeMode.run(probeInput, network: lite0, request: .init(block: block, seed: 3))
    for (x, y) in zip(a.layers, b.layers) {
        #expect(x.maps.map(\.tensor) == y.maps.map(\.tensor), "\(block) on \(x.name)")
    }
}

@Test func optionsThatDoNotFitALayerAreMovedAndReported() throws {
    let run = try ProbeMode.run(probeInput, network: lite0, request: .init(block: "sa"))
    let stem = run.layers[0]
    #expect(stem.adjustments == ["groups 64 -> 16 (32 channels)"])  // 32 = 2 * 16
    #expect(stem.settings.first { $0.key == "groups" }?.value == "16")
    let head = run.layers.last!
    #expect(head.adjustments.isEmpty)  // 1280 = 2 * 64 * 10
    let se = try ProbeMode.run(probeInput, network: lite0, request: .init(block: "se", options: BlockOptions(["reduction": "20"])))
    #expect(se.layers[1].adjustments == ["reduction 20 -> 16 (16 channels)"])
}

@Test func spdRefusesOddSidesWithAReason() throws {
    let run = try ProbeMode.run(lite0Fixture["cat_224/input"]!, network: lite0, request: .init(block: "spd"))
    let head = run.layers.last!
    #expect(head.feature.shape == [1, 1280, 7, 7])
    #expect(head.error == "input 7x7 has an odd side: space-to-depth needs even height and width")
    #expect(run.layers[0].error == nil)
}

@Test func trainedProbeWeightsLoadPerLayerStrictly() throws {
    // SE weights for every layer, under "<layer>.".
    var tensors = [String: Tensor]()
    for (layer, c) in zip(EfficientNetLite0.layerNames, EfficientNetLite0.layerChannels) {
        let built = try BlockRegistry.build("se", channels: c, source: .seeded(9))
        for p in built.parameters { tensors["\(layer).\(p.key)"] = p.value }
    }
    let run = try ProbeMode.run(probeInput, network: lite0,
                                request: .init(block: "se", weights: WeightStore(tensors), weightsName: "probes.safetensors"))
    let seeded = try ProbeMode.run(probeInput, network: lite0, request: .init(block: "se", seed: 9))
    #expect(run.weightsSource == "weights from probes.safetensors")
    #expect(run.layers.map { $0.map("channel") } == seeded.layers.map { $0.map("channel") })

    var extra = tensors
    extra["stage9.fc1.weight"] = Tensor(zeros: [1])
    #expect(throws: ModelError.self) {
        _ = try ProbeMode.run(probeInput, network: lite0, request: .init(block: "se", weights: WeightStore(extra), weightsName: "p"))
    }
    var missing = tensors
    missing["stage4.fc2.bias"] = nil
    do {
        _ = try ProbeMode.run(probeInput, network: lite0, request: .init(block: "se", weights: WeightStore(missing), weightsName: "p"))
        Issue.record("a missing probe key must fail")
    } catch {
        #expect("\(error)" == "stage4: se: missing key 'stage4.fc2.bias' (expected shape [80])")
    }
}
