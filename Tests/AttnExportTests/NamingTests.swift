// File names: the TUI's <image-stem>_<layer>_<map>[_c<channel>]_<colormap>.png, numbered
// instead of replacing a file; the batch's <nn>_<layer>_<map>[_c<channel>].png; names from input
// files made safe as one path component.
@testable import AttnExport
import AttnImaging
import AttnTUI
import Foundation
import Testing

@Test func tuiNamesSayImageLayerMapChannelAndColormap() {
    let bam = ExportFixture.model("bam")
    var state = ExportFixture.state(layer: 3, view: 0)
    #expect(ExportNames.viewFile(bam, state) == "cat_stage3_spatial_viridis.png")
    state.view = 1
    state.channel = 17
    state.colormap = .magma
    #expect(ExportNames.viewFile(bam, state) == "cat_stage3_gate_mean_magma.png")
    state.view = 2
    #expect(ExportNames.viewFile(bam, state) == "cat_stage3_gate_c17_magma.png")
    state.view = 3
    #expect(ExportNames.viewFile(bam, state) == "cat_stage3_channel_magma.png")
    let acmix = ExportFixture.model("acmix")
    var window = ExportFixture.state(layer: 2, view: 0)
    window.cursorX = 0.5; window.cursorY = 0.1   // stage2 at 64 px is 16 x 16
    #expect(ExportNames.viewFile(acmix, window) == "cat_stage2_attention_y1x8_viridis.png")
    #expect(ExportNames.batchFile(layerIndex: 3, layer: "stage3", bam.views[3][2], state) == "03_stage3_gate_c17.png")
}

@Test func numberedNamesNeverRepeat() {
    #expect(Array(ExportNames.numbered("cat_stem_spatial_viridis.png").prefix(3))
            == ["cat_stem_spatial_viridis.png", "cat_stem_spatial_viridis-1.png", "cat_stem_spatial_viridis-2.png"])
}

@Test func namesFromInputsCannotEscapeOrHide() {
    #expect(ExportNames.safeComponent("..") == "_")
    #expect(ExportNames.safeComponent(".") == "_")
    #expect(ExportNames.safeComponent("") == "_")
    #expect(ExportNames.safeComponent(".hidden") == "_hidden")
    #expect(ExportNames.safeComponent("a\u{1}b\u{7f}") == "a_b_")
    #expect(ExportNames.safeComponent("chat noir, ünï") == "chat noir, ünï")
    #expect(ExportNames.safeComponent(String(repeating: "é", count: 300)).utf8.count <= 200)
    #expect(ExportNames.stem("some/where/cat.photo.png") == "cat.photo")
    #expect(ExportNames.stem(".png") == ".png")
}

@Test func eWritesANewFileEachTime() throws {
    let folder = try ScratchFolder()
    let model = ExportFixture.model("cbam")
    let state = ExportFixture.state(layer: 3, view: 0)
    let first = try ViewExport.write(model, state, folder: folder.path)
    let second = try ViewExport.write(model, state, folder: folder.path + "/")
    #expect(first == folder.file("cat_stage3_spatial_viridis.png"))
    #expect(second == folder.file("cat_stage3_spatial_viridis-1.png"))
    let picture = try ViewPicture.render(model, state)
    #expect(try PNG.read(contentsOf: URL(fileURLWithPath: first)) == picture.image)
    #expect(folder.files() == ["cat_stage3_spatial_viridis-1.png", "cat_stage3_spatial_viridis.png"])
    let nested = try ViewExport.write(model, state, folder: folder.file("figures/new"))
    #expect(nested == folder.file("figures/new/cat_stage3_spatial_viridis.png"))
    #expect(throws: ExportError.self) { try ViewExport.write(model, state, folder: nested) }
}
