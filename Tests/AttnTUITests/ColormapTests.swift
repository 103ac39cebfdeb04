// Colormaps: colours pinned to matplotlib's (matplotlib.colors.to_hex(matplotlib.colormaps[name](t))
// with matplotlib 3.11.2), its binning, clamping and NaN, the `c` key's cycling order, and the
// channel order.
import AttnTUI
import Testing

/// 0xRRGGBB, written like the hex matplotlib prints, so a pin reads the same as its source.
private func rgb(_ v: UInt32) -> RGB {
    RGB(UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff))
}

struct Pin: Sendable, CustomTestStringConvertible {
    let map: Colormap, t: Float, hex: UInt32
    var testDescription: String { "\(map.name)(\(t))" }
}

private let pins: [Pin] = [
    Pin(map: .viridis, t: 0, hex: 0x440154), Pin(map: .viridis, t: 0.25, hex: 0x3b528b),
    Pin(map: .viridis, t: 0.5, hex: 0x21918c), Pin(map: .viridis, t: 0.75, hex: 0x5ec962),
    Pin(map: .viridis, t: 1, hex: 0xfde725),
    Pin(map: .magma, t: 0, hex: 0x000004), Pin(map: .magma, t: 0.25, hex: 0x51127c),
    Pin(map: .magma, t: 0.5, hex: 0xb73779), Pin(map: .magma, t: 0.75, hex: 0xfc8961),
    Pin(map: .magma, t: 1, hex: 0xfcfdbf),
    Pin(map: .inferno, t: 0, hex: 0x000004), Pin(map: .inferno, t: 0.25, hex: 0x57106e),
    Pin(map: .inferno, t: 0.5, hex: 0xbc3754), Pin(map: .inferno, t: 0.75, hex: 0xf98e09),
    Pin(map: .inferno, t: 1, hex: 0xfcffa4),
    Pin(map: .plasma, t: 0, hex: 0x0d0887), Pin(map: .plasma, t: 0.25, hex: 0x7e03a8),
    Pin(map: .plasma, t: 0.5, hex: 0xcc4778), Pin(map: .plasma, t: 0.75, hex: 0xf89540),
    Pin(map: .plasma, t: 1, hex: 0xf0f921),
    Pin(map: .turbo, t: 0, hex: 0x30123b), Pin(map: .turbo, t: 0.25, hex: 0x28bceb),
    Pin(map: .turbo, t: 0.5, hex: 0xa4fc3c), Pin(map: .turbo, t: 0.75, hex: 0xfb7e21),
    Pin(map: .turbo, t: 1, hex: 0x7a0403),
    Pin(map: .jet, t: 0, hex: 0x000080), Pin(map: .jet, t: 0.25, hex: 0x0080ff),
    Pin(map: .jet, t: 0.5, hex: 0x7dff7a), Pin(map: .jet, t: 0.75, hex: 0xff9400),
    Pin(map: .jet, t: 1, hex: 0x800000),
    Pin(map: .gray, t: 0, hex: 0x000000), Pin(map: .gray, t: 0.25, hex: 0x404040),
    Pin(map: .gray, t: 0.5, hex: 0x808080), Pin(map: .gray, t: 1, hex: 0xffffff),
]

@Test(arguments: pins)
func colorsMatchMatplotlib(_ pin: Pin) {
    #expect(pin.map.color(pin.t) == rgb(pin.hex))
}

// matplotlib bins t into 256 equal intervals: a t just below a bin edge must get the entry
// before it, which interpolation or rounding to the nearest entry would not give.
@Test func binsLikeMatplotlib() {
    #expect(Colormap.viridis.color(0.4999) == rgb(0x21908d))
    #expect(Colormap.viridis.color(0.0039) == rgb(0x440154))
    #expect(Colormap.viridis.color(1.0 / 256) == rgb(0x440256))
    #expect(Colormap.viridis.color(0.996) == rgb(0xfbe723))
    #expect(Colormap.viridis.color(255.0 / 256) == rgb(0xfde725))
}

@Test(arguments: Colormap.allCases)
func clampsAndSendsNaNToTheLowEnd(_ map: Colormap) {
    let low = map.color(0), high = map.color(1)
    #expect(low != high)
    #expect(map.color(-0.5) == low)
    #expect(map.color(-.infinity) == low)
    #expect(map.color(-0.0) == low)
    #expect(map.color(.nan) == low)
    #expect(map.color(1.5) == high)
    #expect(map.color(.infinity) == high)
}

@Test func jetIsGreenInTheMiddle() {
    let mid = Colormap.jet.color(0.5)
    #expect(mid.g == 255)
    #expect(mid.r < 160 && mid.b < 160)
}

// An RGB/BGR mix-up anywhere between the table and RGB would turn these ends around.
@Test func redAndBlueAreNotSwapped() {
    for map in [Colormap.jet, .turbo, .plasma] {
        let cool = map.color(0), hot = map.color(1)
        #expect(cool.b > cool.r, "\(map.name)(0) should be bluish, got \(cool)")
        #expect(hot.r > hot.b, "\(map.name)(1) should be reddish or yellow, got \(hot)")
    }
    #expect(Colormap.jet.color(0) == RGB(0, 0, 128))
    #expect(Colormap.jet.color(1) == RGB(128, 0, 0))
    let yellow = Colormap.viridis.color(1)
    #expect(yellow.r > 200 && yellow.b < 64)
}

// The perceptually uniform maps get lighter all along; a reversed, shuffled or misdecoded table
// would not.
@Test(arguments: [Colormap.viridis, .magma, .inferno, .plasma])
func perceptualMapsGetLighter(_ map: Colormap) {
    func luma(_ c: RGB) -> Int { 2126 * Int(c.r) + 7152 * Int(c.g) + 722 * Int(c.b) }
    let lumas = (0...32).map { luma(map.color(Float($0) / 32)) }
    #expect(zip(lumas, lumas.dropFirst()).allSatisfy { $0 < $1 }, "\(lumas)")
}

@Test func grayIsTheValueOnEveryChannel() {
    for k in 0...255 {
        let c = Colormap.gray.color(Float(k) / 255)
        #expect(c == RGB(UInt8(k), UInt8(k), UInt8(k)), "gray(\(k)/255) = \(c)")
    }
}

@Test func cyclesInDeclarationOrderFromViridis() {
    #expect(Colormap.allCases == [.viridis, .magma, .inferno, .plasma, .turbo, .jet, .gray])
    #expect(Colormap.allCases.map(\.name) == ["viridis", "magma", "inferno", "plasma", "turbo", "jet", "gray"])
    var seen: [Colormap] = []
    var map = Colormap.viridis
    for _ in Colormap.allCases {
        seen.append(map)
        map = map.next()
    }
    #expect(seen == Colormap.allCases)
    #expect(map == .viridis)
    #expect(Colormap.gray.next() == .viridis)
}
