// XtermPalette: palette values, nearest-of-256 and nearest-of-16, with colours whose channels
// differ so that an RGB/BGR swap anywhere fails.
import AttnTUI
import Testing

@Test func paletteEntriesHaveXtermValues() {
    #expect(XtermPalette.color(16) == RGB(0, 0, 0))
    #expect(XtermPalette.color(196) == RGB(255, 0, 0))
    #expect(XtermPalette.color(46) == RGB(0, 255, 0))
    #expect(XtermPalette.color(21) == RGB(0, 0, 255))
    #expect(XtermPalette.color(208) == RGB(255, 135, 0))
    #expect(XtermPalette.color(231) == RGB(255, 255, 255))
    #expect(XtermPalette.color(232) == RGB(8, 8, 8))
    #expect(XtermPalette.color(255) == RGB(238, 238, 238))
    #expect(XtermPalette.color(1) == RGB(205, 0, 0))
    #expect(XtermPalette.color(12) == RGB(92, 92, 255))
}

@Test func primariesMapToTheirCubeCorners() {
    #expect(XtermPalette.nearest256(RGB(255, 0, 0)) == 196)
    #expect(XtermPalette.nearest256(RGB(0, 255, 0)) == 46)
    #expect(XtermPalette.nearest256(RGB(0, 0, 255)) == 21)
    #expect(XtermPalette.nearest256(.white) == 231)
    #expect(XtermPalette.nearest256(.black) == 16)
}

@Test func asymmetricColoursKeepTheirChannelOrder() {
    // Orange and its BGR mirror (azure) land on different entries.
    #expect(XtermPalette.nearest256(RGB(255, 135, 0)) == 208)
    #expect(XtermPalette.nearest256(RGB(0, 135, 255)) == 33)
    #expect(XtermPalette.nearest256(RGB(250, 140, 10)) == 208)
    #expect(XtermPalette.nearest256(RGB(95, 0, 175)) == XtermPalette.cubeIndex(r: 1, g: 0, b: 3))
}

@Test func graysUseTheGrayRamp() {
    #expect(XtermPalette.nearest256(RGB(128, 128, 128)) == 244)
    #expect(XtermPalette.nearest256(RGB(30, 30, 30)) == 234)
    // A gray that the cube has exactly stays in the cube.
    #expect(XtermPalette.nearest256(RGB(135, 135, 135)) == XtermPalette.cubeIndex(r: 2, g: 2, b: 2))
}

@Test func nearest256NeverPicksSystemColours() {
    for value in stride(from: 0, through: 255, by: 17) {
        let colours = [RGB(UInt8(value), 0, 0), RGB(0, UInt8(value), 0), RGB(0, 0, UInt8(value)),
                       RGB(UInt8(value), UInt8(value), UInt8(value)), RGB(UInt8(value), 255, UInt8(255 - value))]
        for colour in colours {
            #expect(XtermPalette.nearest256(colour) >= 16, "\(colour)")
        }
    }
}

@Test func nearest256IsTheTrueNearestOverCubeAndGrays() {
    // Brute force over a coarse grid: the shortcut through per-channel levels must agree.
    for r in stride(from: 0, through: 255, by: 15) {
        for g in stride(from: 3, through: 255, by: 21) {
            for b in stride(from: 7, through: 255, by: 31) {
                let rgb = RGB(UInt8(r), UInt8(g), UInt8(b))
                let best = (16...255).min { XtermPalette.distance(rgb, XtermPalette.color($0)) < XtermPalette.distance(rgb, XtermPalette.color($1)) }!
                #expect(XtermPalette.distance(rgb, XtermPalette.color(XtermPalette.nearest256(rgb)))
                        == XtermPalette.distance(rgb, XtermPalette.color(best)), "\(rgb)")
            }
        }
    }
}

@Test func nearest16UsesXtermDefaults() {
    #expect(XtermPalette.nearest16(RGB(255, 0, 0)) == 9)
    #expect(XtermPalette.nearest16(RGB(200, 10, 0)) == 1)
    #expect(XtermPalette.nearest16(RGB(0, 255, 0)) == 10)
    #expect(XtermPalette.nearest16(RGB(0, 0, 255)) == 4)
    #expect(XtermPalette.nearest16(RGB(0, 0, 100)) == 0)
    #expect(XtermPalette.nearest16(RGB(255, 255, 0)) == 11)
    #expect(XtermPalette.nearest16(RGB(0, 200, 210)) == 6)
    #expect(XtermPalette.nearest16(.white) == 15)
    #expect(XtermPalette.nearest16(.black) == 0)
    #expect(XtermPalette.nearest16(RGB(120, 125, 130)) == 8)
}
