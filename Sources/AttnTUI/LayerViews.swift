// LayerViews: the views of one probe layer, built from the block's maps (named and shaped as in
// DESIGN.md's table). Every layer ends with its input feature, per channel, so a user can always
// see what the block was looking at.
import AttnEngine
import AttnModels

enum LayerViews {
    static func views(layer: LayerTrace) -> [MapView] {
        let feature = planes(layer.feature)                     // (C, H, W)
        let featureView = MapView("feature", .channelOverlay(title: "input feature", planes: feature) { "channel \($0)" })
        if let error = layer.error { return [MapView("unavailable", .unavailable(reason: error)), featureView] }
        func vector(_ name: String) -> [Float]? { layer.map(name).map { $0.data } }
        func plane(_ name: String) -> Tensor? { layer.map(name).map { $0.reshaped(Array($0.shape.suffix(2))) } }
        var views = [MapView]()
        switch layer.block {
        case "se", "eca":
            views.append(MapView("channel", .bars(title: "channel weights", values: vector("channel")!, planes: feature)))
        case "cbam":
            let channel = vector("channel")!
            if let spatial = plane("spatial") {
                views.append(MapView("spatial", .overlay(title: "spatial gate", plane: spatial, bars: ("channel weights", channel))))
            }
            views.append(MapView("channel", .bars(title: "channel weights", values: channel, planes: feature)))
        case "bam":
            let channel = vector("channel")!
            views.append(MapView("spatial", .overlay(title: "spatial", plane: plane("spatial")!, bars: ("channel", channel))))
            views.append(MapView("gate", .channelOverlay(title: "gate 1+sigmoid(c*s)", planes: planes(layer.map("gate")!)) { "channel \($0)" }))
            views.append(MapView("channel", .bars(title: "channel", values: channel, planes: feature)))
        case "simam":
            let energy = planes(layer.map("energy")!)
            views.append(MapView("energy_mean", .overlay(title: "energy, mean over channels", plane: mean(energy, axes: [0]), bars: nil)))
            views.append(MapView("energy", .channelOverlay(title: "energy", planes: energy) { "channel \($0)" }))
        case "sa":
            let channel = layer.map("channel")!                 // (1, G, C/2G)
            let (g, half) = (channel.shape[1], channel.shape[2])
            let label: @Sendable (Int) -> String = { "group \($0 / half), channel \($0 % half)" }
            let spatial = layer.map("spatial")!.reshaped([g * half] + Array(layer.feature.shape.suffix(2)))
            views.append(MapView("spatial", .channelOverlay(title: "spatial gate", planes: spatial, channelLabel: label)))
            views.append(MapView("channel", .bars(title: "channel gate (group-major)", values: channel.data, planes: spatial)))
        case "coordatt":
            let h = planes(layer.map("h")!)   // (C, H)
            let w = planes(layer.map("w")!)   // (C, W)
            views.append(MapView("hxw", .coordinateStrips(h: h, w: w)))
            views.append(MapView("h", .matrix(title: "a_h (channel x row)", values: h, rowName: "channel", columnName: "row", channelAxisIsRows: true)))
            views.append(MapView("w", .matrix(title: "a_w (channel x column)", values: w, rowName: "channel", columnName: "column", channelAxisIsRows: true)))
        case "gc":
            let add = vector("channel_add"), mul = vector("channel_mul")
            if let context = plane("context") {
                views.append(MapView("context", .overlay(title: "context mask", plane: context, bars: add.map { ("channel add", $0) } ?? mul.map { ("channel mul", $0) })))
            }
            if let add { views.append(MapView("channel_add", .bars(title: "channel add", values: add, planes: feature))) }
            if let mul { views.append(MapView("channel_mul", .bars(title: "channel mul", values: mul, planes: feature))) }
        case "acmix":
            let attention = layer.map("attention")!             // (1, head, k*k, H, W)
            let kernel = Int(Double(attention.shape[2]).squareRoot().rounded())
            views.append(MapView("attention", .attentionWindows(attention: planes(attention),
                                                               kernel: kernel, rates: layer.map("rate")!.data)))
        case "triplet":
            let hw = layer.map("hw")!, cw = layer.map("cw")!, hc = layer.map("hc")!
            views.append(MapView("hw", .overlay(title: "hw gate", plane: hw.reshaped(Array(hw.shape.suffix(2))), bars: nil)))
            views.append(MapView("cw", .matrix(title: "cw gate (channel x column)", values: planes(cw),
                                             rowName: "channel", columnName: "column", channelAxisIsRows: true)))
            views.append(MapView("hc", .matrix(title: "hc gate (row x channel)", values: planes(hc),
                                             rowName: "row", columnName: "channel", channelAxisIsRows: false)))
        case "spd":
            if let output = layer.output {
                views.append(MapView("phases", .phases(output: planes(output), channels: layer.feature.shape[1])))
            }
        default:
            break
        }
        return views + [featureView]
    }

    /// Drops the batch dimension: (1, C, H, W) -> (C, H, W), (1, C, H) -> (C, H), ...
    static func planes(_ t: Tensor) -> Tensor { t.reshaped(Array(t.shape.dropFirst())) }
}
