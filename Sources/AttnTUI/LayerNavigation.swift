// LayerNavigation: moving through many layers: a whole network has fifty attention blocks or
// more, grouped by stage ("layer3" holds layer3.0.cbam ... layer3.5.cbam). `[` `]` step through
// the layers a filter (`/` and a part of the name) lets through, `{` `}` jump to the first layer
// of the previous or next stage, and the list shows each stage's name above its layers.

extension TUIModel {
    /// The layers a filter lets through (all of them without one), in order.
    public func visibleLayers(_ filter: String?) -> [Int] {
        guard let filter, !filter.isEmpty else { return Array(run.layers.indices) }
        let wanted = filter.lowercased()
        return run.layers.indices.filter { run.layers[$0].name.lowercased().contains(wanted) }
    }

    /// Whether the list groups layers under stage headings: when some stage holds several.
    public var groupsByStage: Bool {
        Set(run.layers.map(\.stage)).count < run.layers.count
    }

    /// A layer's name in the list: without its stage's prefix where a heading says it.
    public func listName(_ index: Int) -> String {
        let layer = run.layers[index]
        guard groupsByStage else { return layer.name }
        if layer.name.hasPrefix(layer.stage + ".") { return String(layer.name.dropFirst(layer.stage.count + 1)) }
        let parts = layer.name.split(separator: ".")
        return parts.count >= 3 ? parts.dropFirst().joined(separator: ".") : layer.name
    }

    /// The first layer of the stage `step` stages away from `layer`'s, among `visible`.
    func layer(stagesAway step: Int, from layer: Int, among visible: [Int]) -> Int {
        guard !visible.isEmpty else { return layer }
        var stages = [String]()
        for i in visible where stages.last != run.layers[i].stage { stages.append(run.layers[i].stage) }
        let current = stages.firstIndex(of: run.layers[layer].stage) ?? 0
        let target = stages[min(max(0, current + step), stages.count - 1)]
        return visible.first { run.layers[$0].stage == target } ?? layer
    }
}
