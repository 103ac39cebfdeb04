// ViewExport: the TUI's `e`: the view on screen, with its colormap, normalisation, overlay,
// channel and cursor, written as a PNG in the folder given at launch (or the current one),
// never replacing an existing file.
import AttnImaging
import AttnTUI

public enum ViewExport {
    /// Writes the figure of the view `state` shows and returns the path written.
    public static func write(_ model: TUIModel, _ state: ViewState, folder: String?) throws(ExportError) -> String {
        let picture = try ViewPicture.render(model, state)
        let bytes: [UInt8]
        do {
            bytes = try PNG.encode(picture.image)
        } catch {
            throw ExportError("cannot encode the figure: \(error)")
        }
        let prefix: String
        if let folder, !folder.isEmpty {
            try FileSystem.makeDirectories(folder)
            prefix = folder.hasSuffix("/") ? folder : folder + "/"
        } else {
            prefix = ""
        }
        return try FileSystem.writeNew(bytes, candidates: ExportNames.numbered(ExportNames.viewFile(model, state)).lazy.map { prefix + $0 })
    }
}
