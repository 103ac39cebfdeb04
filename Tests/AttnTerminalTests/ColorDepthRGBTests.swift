// Colour depth detection when terminfo itself says direct colour (TERM=xterm-direct and the like).
import AttnTerminal
import Testing

@Test func terminfoRGBMeansTruecolorWithoutCOLORTERM() {
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-direct"], terminfoColors: 1 << 24, terminfoHasRGB: true) == .truecolor)
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminfoColors: 256, terminfoHasRGB: false) == .palette256)
}
