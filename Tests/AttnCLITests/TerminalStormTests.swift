// Hostile terminals in tmux: a storm of resizes (down to 10x3, up to 300x100) ends with the
// screen exactly as a fresh start at the final size draws it, and tiny sizes say the terminal
// is too small; a few thousand random bytes (keys, escape sequences cut short or garbled, mouse
// reports, invalid UTF-8; a fixed seed) are taken without a hang, and the Ctrl-C or q behind
// them still ends the TUI at once, with the terminal restored.
import Foundation
import Testing

@Test func aResizeStormEndsWithTheScreenAFreshStartDraws() throws {
    let pane = try TUIPane("--module cbam --size 64", width: 100, height: 30)
    let reference = try TUIPane("--module cbam --size 64", width: 120, height: 40)
    try pane.waitUntilDrawn()
    try reference.waitUntilDrawn()
    let tmux = pane.tmux
    let sizes = [(10, 3), (300, 100), (20, 5), (61, 18), (59, 17), (200, 60), (10, 3), (300, 100), (1, 1), (120, 40)]
    var random = SeededRandom.seeded(7)
    for _ in 0..<5 {
        for (width, height) in sizes.shuffled(using: &random) {
            try tmux.resize(width: width, height: height)
        }
    }
    // Tiny terminals say what is wrong, and what it takes.
    try tmux.resize(width: 10, height: 3)
    #expect(tmux.waitUntil { $0.contains("terminal") && $0.contains("too small") && $0.contains("q quits") }, "10x3: \(tmux.screenText)")
    try tmux.resize(width: 20, height: 5)
    #expect(tmux.waitUntil { $0.contains("terminal too small:") && $0.contains("need 60x18") }, "20x5: \(tmux.screenText)")
    for _ in 0..<20 {
        try tmux.resize(width: 300, height: 100)
        try tmux.resize(width: 10, height: 3)
    }
    try tmux.resize(width: 120, height: 40)
    let expected = try reference.tmux.captureWithEscapes()
    #expect(tmux.waitUntil { _ in (try? tmux.captureWithEscapes()) == expected },
            "after the storm:\n\(tmux.screenText)\nfresh at 120x40:\n\(reference.tmux.screenText)")
    #expect(pane.isRunning)
    try tmux.sendKeys("q")
    #expect(try pane.waitForStatus() == 0)
    // The size is the storm's last; everything else is as before.
    let after = try pane.modes()
    #expect(TUIPane.withoutSize(after) == TUIPane.withoutSize(pane.modesBefore), "\(after)")
    #expect(try tmux.format("#{alternate_on} #{cursor_flag}") == "0 1")
    try reference.tmux.sendKeys("q")
    #expect(try reference.waitForStatus() == 0)
}

@Test(arguments: ["C-c", "q"])
func aBurstOfRandomBytesLeavesCtrlCAndQResponsive(ending: String) throws {
    let folder = try TemporaryFolder()
    let pane = try TUIPane("--module cbam --size 64 --out figs", width: 100, height: 30, in: folder.url.path)
    try pane.waitUntilDrawn()
    let tmux = pane.tmux
    let bytes = RandomKeys.burst(count: 4000, seed: ending == "q" ? 2 : 1)
    // tmux takes commands of up to 16 KB: a thousand bytes ("1b ") at a time.
    for start in stride(from: 0, to: bytes.count, by: 1000) {
        try tmux.sendHex(Array(bytes[start..<min(bytes.count, start + 1000)]))
    }
    let sent = Date()
    if ending == "C-c" {
        try tmux.sendKeys("C-c")
    } else {
        // Escape ends whatever the bytes left half-typed (a channel number, a filter, the help).
        try tmux.sendHex([0x1B])
        try tmux.sendKeys("q")
    }
    while pane.isRunning && Date().timeIntervalSince(sent) < 30 { Thread.sleep(forTimeInterval: 0.02) }
    let took = Date().timeIntervalSince(sent)
    // Every key still waiting is taken before a frame is drawn, so the queue empties at once.
    #expect(took < 2.5, "\(ending) took \(took) s after the burst")
    #expect(try pane.waitForStatus() == (ending == "q" ? 0 : 130), "\(tmux.screenText)")
    try pane.expectRestored()
    // The bytes meant for the TUI were not left for the shell to run.
    try tmux.enter("echo shell-$((40+2))")
    #expect(tmux.waitFor("\nshell-42\n"), "\(tmux.screenText)")
}

/// A fixed-seed stream of what a terminal can send, good and bad, without the bytes the terminal
/// itself acts on (Ctrl-C, Ctrl-Z, Ctrl-\, and Ctrl-S / Ctrl-Q, which stop and start output) and
/// without q, so the TUI runs until the test ends it.
enum RandomKeys {
    static let sequences: [[UInt8]] = [
        "\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}OA", "\u{1B}OB", "\u{1B}[5~", "\u{1B}[6~",
        "\u{1B}[H", "\u{1B}[F", "\u{1B}[Z", "\u{1B}[1;5C", "\u{1B}[15~", "\u{1B}[200~", "\u{1B}[201~",
        "\u{1B}[<0;10;5M", "\u{1B}[<0;10;5m", "\u{1B}[<64;300;100M", "\u{1B}[M !!", "\u{1B}[M", "\u{1B}[",
        "\u{1B}[1;", "\u{1B}[?", "\u{1B}O", "\u{1B}", "\u{1B}\u{1B}", "\u{1B}[99999999999999999999;1H",
        "\u{1B}]0;title\u{07}", "\u{1B}P+q\u{1B}\\", "\t", "\r", "\u{7F}", "é", "😀", "e\u{301}",
    ].map { Array($0.utf8) }
    static let excluded: Set<UInt8> = [0x03, 0x1A, 0x1C, 0x11, 0x13, UInt8(ascii: "q")]

    static func burst(count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom.seeded(seed)
        var bytes = [UInt8]()
        while bytes.count < count {
            switch random.next() % 4 {
            case 0: bytes += sequences[Int(random.next() % UInt64(sequences.count))]
            case 1: bytes.append(UInt8(0x20 + random.next() % 95))   // printable ASCII
            case 2: bytes.append(UInt8(0x80 + random.next() % 128))  // no UTF-8 on its own
            default: bytes.append(UInt8(random.next() % 32))        // control characters
            }
            bytes.removeAll { excluded.contains($0) }
        }
        return Array(bytes.prefix(count))
    }
}

/// SplitMix64: the same numbers on every machine, for shuffles and bursts.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    static func seeded(_ seed: UInt64) -> SeededRandom { SeededRandom(state: seed &+ 0x9E37_79B9_7F4A_7C15) }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
