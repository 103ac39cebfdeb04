// ExportNames: how exported files are named. From the TUI:
// <image-stem>_<layer>_<map>[_c<channel>]_<colormap>.png; from a batch, inside the image's own
// folder: <nn>_<layer>_<map>[_c<channel>].png. ACmix's windows name their pixel (_y<row>x<col>)
// instead of a channel. Names taken from input files are made safe to use as one path component.
import AttnTUI

public enum ExportNames {
    /// The file stem of a path: "samples/cat.png" -> "cat".
    public static func stem(_ path: String) -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// One path component that cannot leave its folder or hide: "." and ".." and empty names
    /// become "_", a leading dot and control characters "_", and it is cut to 200 bytes.
    public static func safeComponent(_ name: String) -> String {
        if name.isEmpty || name == "." || name == ".." { return "_" }
        var out = String(name.map { $0.isASCII && ($0.asciiValue! < 0x20 || $0.asciiValue! == 0x7f || $0 == "/") ? "_" : $0 })
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        while out.utf8.count > 200 { out.removeLast() }
        return out
    }

    /// The part of a name that says which channel or pixel a figure shows, "" where it shows all.
    static func selection(_ view: MapView, _ state: ViewState) -> String {
        switch view.kind {
        case .channelOverlay, .coordinateStrips, .phases:
            return "_c\(min(state.channel, max(0, view.channelCount - 1)))"
        case .attentionWindows(let attention, _, _):
            let cell = state.cursorCell(height: attention.shape[2], width: attention.shape[3])
            return "_y\(cell.row)x\(cell.column)"
        default:
            return ""
        }
    }

    /// The TUI's file name for the view `state` shows.
    public static func viewFile(_ model: TUIModel, _ state: ViewState) -> String {
        let view = model.view(state)
        let layer = model.run.layers[state.layer].name
        return safeComponent("\(stem(model.imageName))_\(layer)_\(view.name)\(selection(view, state))_\(state.colormap.name)") + ".png"
    }

    /// A batch's file name for a view, inside the image's folder.
    public static func batchFile(layerIndex: Int, layer: String, _ view: MapView, _ state: ViewState) -> String {
        let number = layerIndex < 10 ? "0\(layerIndex)" : "\(layerIndex)"
        return "\(number)_\(layer)_\(view.name)\(selection(view, state)).png"
    }

    /// `name.png`, then `name-1.png`, `name-2.png`, ...: the names tried in turn so that an
    /// existing file is never replaced.
    public static func numbered(_ fileName: String) -> some Sequence<String> {
        let base = fileName.hasSuffix(".png") ? String(fileName.dropLast(4)) : fileName
        return (0...).lazy.map { $0 == 0 ? "\(base).png" : "\(base)-\($0).png" }
    }
}
