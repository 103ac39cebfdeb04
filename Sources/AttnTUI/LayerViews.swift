// LayerViews: the views of one layer, made from the block's maps as its BlockInfo declares them
// (their kinds say how each is shown: bars for a channel vector, a plane over the image, one
// plane per channel with their mean, matrices for gates along H or W, CoordAtt's strips, ACmix's
// windows, SPD's phases). Every layer ends with its input feature, per channel, so a user can
// always see what the block was looking at.
import AttnBlocks
import AttnEngine
import AttnModels

enum LayerViews {
    static func views(layer: LayerTrace, trained: Bool) -> [MapView] {
        let feature = planes(layer.feature)                     // (C, H, W)
        let featureView = MapView("feature", .channelOverlay(title: "input feature", planes: feature) { "channel \($0)" })
        if let error = layer.error { return [MapView("unavailable", .unavailable(reason: error)), featureView] }
        guard let info = BlockRegistry.type(named: layer.block)?.info else { return [featureView] }
        func note(_ map: String) -> String? { trained ? nil : info.untrainedConstant[map] }
        let present = info.maps.filter { layer.map($0.name) != nil }
        let vector = present.first { if case .channelVector = $0.kind { true } else { false } }
            .map { (title: $0.title, values: layer.map($0.name)!.data) }
        var views = [MapView]()
        if let strips = info.strips, let h = layer.map(strips.h), let w = layer.map(strips.w) {
            views.append(MapView("hxw", .coordinateStrips(h: planes(h), w: planes(w))))
        }
        for spec in present {
            let t = layer.map(spec.name)!
            switch spec.kind {
            case .plane:
                views.append(MapView(spec.name, .overlay(title: spec.title, plane: t.reshaped(Array(t.shape.suffix(2))),
                                                         bars: vector), note: note(spec.name)))
            case .channelPlanes(let groups):
                let perChannel = t.reshaped([-1] + Array(t.shape.suffix(2)))   // (K, H, W)
                let label = channelLabel(groups: groups, half: groups ? t.shape[2] : 1)
                views.append(MapView("\(spec.name)_mean", .overlay(title: "\(spec.title), mean over channels",
                                                                    plane: mean(perChannel, axes: [0]), bars: nil),
                                     note: note(spec.name)))
                views.append(MapView(spec.name, .channelOverlay(title: spec.title, planes: perChannel, channelLabel: label),
                                     note: note(spec.name)))
            case .channelVector(let groups):
                let label = channelLabel(groups: groups, half: groups ? t.shape[2] : 1)
                views.append(MapView(spec.name, .bars(title: spec.title, values: t.data, channelLabel: label), note: note(spec.name)))
            case .heightAxis(let channelLast):
                views.append(MapView(spec.name, .matrix(title: spec.title, values: planes(t), rowName: channelLast ? "row" : "channel",
                                                        columnName: channelLast ? "channel" : "row", channelAxisIsRows: !channelLast)))
            case .widthAxis:
                views.append(MapView(spec.name, .matrix(title: spec.title, values: planes(t), rowName: "channel",
                                                        columnName: "column", channelAxisIsRows: true)))
            case .windows:
                let kernel = Int(Double(t.shape[2]).squareRoot().rounded())
                let rates = present.first { $0.kind == .scalars }.flatMap { layer.map($0.name)?.data } ?? []
                views.append(MapView(spec.name, .attentionWindows(attention: planes(t), kernel: kernel, rates: rates)))
            case .scalars:
                break
            }
        }
        if info.outputPhases, let output = layer.output {
            views.append(MapView("phases", .phases(output: planes(output), channels: layer.feature.shape[1])))
        }
        return views + [featureView]
    }

    /// "channel k", or for SA's group-major channels "group k / half, channel k % half".
    static func channelLabel(groups: Bool, half: Int) -> @Sendable (Int) -> String {
        if groups { return { "group \($0 / half), channel \($0 % half)" } }
        return { "channel \($0)" }
    }

    /// Drops the batch dimension: (1, C, H, W) -> (C, H, W), (1, C, H) -> (C, H), ...
    static func planes(_ t: Tensor) -> Tensor { t.reshaped(Array(t.shape.dropFirst())) }
}
