// The figures read back: a map over the image is the image's size plus the band below it (its
// height is PictureBand.height), with overlay 1 the hottest and coldest cells carry the
// colormap's end colours, overlay 0 leaves the image as it is, the band holds the colour bar
// and a caption; charts have one bar per channel; every view of every block draws.
import AttnBlocks
import AttnEngine
@testable import AttnExport
import AttnImaging
import AttnTUI
import Testing

private let viridisLow = Colormap.viridis.color(0), viridisHigh = Colormap.viridis.color(1)

private func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> RGB {
    let i = 3 * (y * image.width + x)
    return RGB(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2])
}

@Test func aMapOverTheImageIsTheImageSizePlusTheBand() throws {
    let model = ExportFixture.model("cbam")
    let picture = try ViewPicture.render(model, ExportFixture.state(layer: 3, view: 0))
    #expect(picture.image.width == 451)
    #expect(picture.figureHeight == 300)
    #expect(picture.image.height == 300 + PictureBand.height(width: 451, caption: picture.caption))
    // At scale 1 with a two-line caption: 6 + 10 + 3 + 7 + 6 + 2 * 10 - 3 + 6 = 55.
    #expect(PictureBand.height(width: 451, caption: ["a"]) == 45)
    #expect(picture.caption == ["cat.png", "cbam", "stage3", "spatial gate", "norm per map", "untrained, seed 0"])
}

@Test func hottestAndColdestCellsHaveTheColormapsEndColours() throws {
    // The stem at 64 px is 32 x 32; on a 96 x 96 image every cell spans 3 x 3 pixels and the
    // middle one samples the cell exactly (bilinear, align_corners=False).
    let image = ExportFixture.cat.resizedBilinear(height: 96, width: 96)
    let model = ExportFixture.model("cbam", image: image)
    let spatial = model.run.layers[0].map("spatial")!.data
    let hot = spatial.indices.max { spatial[$0] < spatial[$1] }!, cold = spatial.indices.min { spatial[$0] < spatial[$1] }!
    let picture = try ViewPicture.render(model, ExportFixture.state(layer: 0, view: 0))
    #expect(pixel(picture.image, 3 * (hot % 32) + 1, 3 * (hot / 32) + 1) == viridisHigh)
    #expect(pixel(picture.image, 3 * (cold % 32) + 1, 3 * (cold / 32) + 1) == viridisLow)
    #expect(picture.scale.range == ValueRange(of: spatial))
}

@Test func overlayBlendsTheMapOverTheImage() throws {
    let model = ExportFixture.model("simam")
    var state = ExportFixture.state(layer: 2, view: 0)
    state.overlay = 0
    let bare = try ViewPicture.render(model, state)
    #expect(Array(bare.image.pixels.prefix(451 * 300 * 3)) == ExportFixture.cat.pixels)
    state.overlay = 1
    let full = try ViewPicture.render(model, state)
    let viridis = Set((0...255).map { Colormap.viridis.color(Float($0) / 255) })
    for y in stride(from: 0, to: 300, by: 7) {
        for x in stride(from: 0, to: 451, by: 5) { #expect(viridis.contains(pixel(full.image, x, y))) }
    }
    state.overlay = 0.5
    let half = try ViewPicture.render(model, state)
    for (x, y) in [(0, 0), (200, 150), (450, 299)] {
        #expect(pixel(half.image, x, y) == RGB.mix(pixel(bare.image, x, y), pixel(full.image, x, y), 0.5))
    }
}

@Test func theBandHoldsTheColourBarAndACaption() throws {
    let picture = try ViewPicture.render(ExportFixture.model("cbam"), ExportFixture.state(layer: 3, view: 0))
    let s = PictureBand.scale(forWidth: 451)
    let barRow = picture.figureHeight + (PictureBand.margin + 2) * s
    #expect(pixel(picture.image, PictureBand.margin * s, barRow) == viridisLow)
    #expect(pixel(picture.image, 451 - PictureBand.margin * s - 1, barRow) == viridisHigh)
    let captionTop = picture.figureHeight + (PictureBand.margin + PictureBand.barHeight + PictureBand.labelGap + 7 + PictureBand.captionGap) * s
    var ink = 0
    for y in captionTop..<picture.image.height {
        for x in 0..<451 where pixel(picture.image, x, y) == PictureBand.ink { ink += 1 }
    }
    #expect(ink > 200, "caption pixels: \(ink)")
}

@Test func captionsWrapAtTheirSeparatorsOnNarrowFigures() {
    let parts = ["cat.png", "cbam", "stage3", "spatial gate", "norm per map", "untrained, seed 0"]
    #expect(PictureBand.captionLines(parts, width: 2000) == [parts.joined(separator: " | ")])
    let narrow = PictureBand.captionLines(parts, width: 130)
    #expect(narrow.count > 1)
    #expect(narrow.allSatisfy { BitmapFont.width(of: $0) <= 130 - 2 * PictureBand.margin })
    #expect(narrow.joined(separator: " | ") == parts.joined(separator: " | "))
}

@Test func aBarChartHasOneBarPerChannel() throws {
    let model = ExportFixture.model("cbam")
    for layer in [0, 3, 8] {
        let values = model.run.layers[layer].map("channel")!.data
        let picture = try ViewPicture.render(model, ExportFixture.state(layer: layer, view: 1))
        let layout = ChartPainter.layout(count: values.count, range: ValueRange(of: values))
        #expect(picture.image.width == layout.width && picture.figureHeight == layout.height)
        // Every bar (all gates are > 0) reaches the row just above the zero line; gaps are white.
        var bars = 0, inBar = false
        for x in layout.plotLeft..<(layout.plotLeft + layout.plotWidth) {
            let isBar = pixel(picture.image, x, layout.baseline - 1) != PictureBand.background
            if isBar && !inBar { bars += 1 }
            inBar = isBar
        }
        #expect(bars == values.count, "layer \(layer)")
    }
}

@Test func sortedChartsRunFromTheLargestBarDown() throws {
    let model = ExportFixture.model("se")
    var state = ExportFixture.state(layer: 4, view: 0)
    state.sorted = true
    let values = model.run.layers[4].map("channel")!.data
    let picture = try ViewPicture.render(model, state)
    let layout = ChartPainter.layout(count: values.count, range: ValueRange(of: values))
    let heights = (0..<values.count).map { bar in
        (layout.plotTop..<layout.baseline).filter { y in
            ![PictureBand.background, PictureBand.ink].contains(pixel(picture.image, layout.plotLeft + bar * layout.slot, y))
        }.count
    }
    #expect(heights == heights.sorted(by: >))
    #expect(picture.caption.contains("sorted"))
}

@Test func chartsStartAtZeroWithAZeroLineForSignedVectors() throws {
    let layout = ChartPainter.layout(count: 8, range: ValueRange(low: -0.5, high: 1.5))
    #expect(layout.low == -0.5 && layout.high == 1.5)
    #expect(layout.y(0) > layout.plotTop && layout.y(0) < layout.plotTop + layout.plotHeight)
    let positive = ChartPainter.layout(count: 8, range: ValueRange(low: 0.2, high: 0.9))
    #expect(positive.low == 0 && positive.baseline == positive.plotTop + positive.plotHeight)
    #expect(ChartPainter.ticks(low: 0, high: 1) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
}

@Test func coordAttKeepsItsEdgeStrips() throws {
    let model = ExportFixture.model("coordatt")
    let state = ExportFixture.state(layer: 2, view: 0, channel: 5)
    let picture = try ViewPicture.render(model, state)
    let (thickness, gap) = HeatmapPainter.stripGeometry(imageWidth: 451, imageHeight: 300)
    #expect(picture.image.width == thickness + gap + 451)
    #expect(picture.figureHeight == 300 + gap + thickness)
    guard case .coordinateStrips(let h, let w) = model.view(state).kind else { Issue.record("not the strips view"); return }
    let (ah, aw, _) = ViewValues.strips(h: h, w: w, channel: 5)
    let range = picture.scale.range
    // The top and bottom of the left strip are a_h's first and last rows, the ends of the
    // bottom strip a_w's first and last columns (bilinear enlargement keeps the ends).
    #expect(pixel(picture.image, 0, 0) == Colormap.viridis.color(range.unit(ah.first!)))
    #expect(pixel(picture.image, 0, 299) == Colormap.viridis.color(range.unit(ah.last!)))
    #expect(pixel(picture.image, thickness + gap, 300 + gap) == Colormap.viridis.color(range.unit(aw.first!)))
    #expect(pixel(picture.image, thickness + gap + 450, 300 + gap) == Colormap.viridis.color(range.unit(aw.last!)))
    #expect(picture.caption.contains("channel 5"))
}

@Test func acmixShowsEveryHeadsWindowAtTheCursor() throws {
    let model = ExportFixture.model("acmix")
    var state = ExportFixture.state(layer: 2, view: 0)
    state.cursorX = 0.25; state.cursorY = 0.75
    let picture = try ViewPicture.render(model, state)
    guard case .attentionWindows(let attention, let kernel, _) = model.view(state).kind else { Issue.record("no windows"); return }
    let (row, column) = state.cursorCell(height: attention.shape[2], width: attention.shape[3])
    #expect(picture.caption.contains("at row \(row), col \(column)"))
    let heads = attention.shape[0]
    let weights = (0..<heads).flatMap { ViewValues.window(attention, kernel: kernel, head: $0, row: row, column: column) }
    let range = ValueRange.choose(.perMap, drawn: weights, whole: attention.data)
    let top = GridPainter.margin + 7 + 4, cell = GridPainter.windowCell, side = kernel * cell
    for head in 0..<heads {
        for k in [0, kernel * kernel / 2, kernel * kernel - 1] {
            let x = GridPainter.margin + head * (side + GridPainter.gap) + (k % kernel) * cell + cell / 2
            let y = top + (k / kernel) * cell + cell / 2
            #expect(pixel(picture.image, x, y) == Colormap.viridis.color(range.unit(weights[head * kernel * kernel + k])))
        }
    }
}

@Test func matricesAreEnlargedCellByCell() throws {
    let model = ExportFixture.model("triplet")
    let state = ExportFixture.state(layer: 3, view: 2)
    let picture = try ViewPicture.render(model, state)
    guard case .matrix(_, let values, _, _, _) = model.view(state).kind else { Issue.record("not a matrix"); return }
    let (rows, columns) = (values.shape[0], values.shape[1])
    let (cw, ch) = (GridPainter.cellSize(columns), GridPainter.cellSize(rows))
    #expect(picture.image.width == max(GridPainter.minimumWidth, columns * cw) && picture.figureHeight == rows * ch)
    let left = (picture.image.width - columns * cw) / 2
    let range = picture.scale.range
    #expect(pixel(picture.image, left + cw / 2, ch / 2) == Colormap.viridis.color(range.unit(values.data[0])))
    #expect(pixel(picture.image, left + (columns - 1) * cw + cw / 2, (rows - 1) * ch + ch / 2)
            == Colormap.viridis.color(range.unit(values.data[rows * columns - 1])))
}

@Test func everyViewOfEveryBlockDrawsAFigure() throws {
    let small = ExportFixture.cat.resizedBilinear(height: 60, width: 90)
    for block in BlockRegistry.names {
        let model = ExportFixture.model(block, image: small)
        for (layer, views) in model.views.enumerated() {
            for (index, view) in views.enumerated() {
                let state = ExportFixture.state(layer: layer, view: index, channel: 1)
                if case .unavailable = view.kind {
                    #expect(throws: ExportError.self) { try ViewPicture.render(model, state) }
                    continue
                }
                let picture = try ViewPicture.render(model, state)
                #expect(picture.image.height > picture.figureHeight, "\(block) \(layer) \(view.name)")
                #expect(picture.caption.contains(view.title) && picture.caption.contains(model.run.weightsSource))
            }
        }
    }
}
