// The TUI end to end: the built binary in a real terminal (tmux), driven as a person would:
// open a sample, move through layers, views and channels, change the colormap, shrink the
// terminal to 40x10 and back, open the help, quit, and the shell prompt comes back. Ctrl-C and
// SIGTERM restore the terminal too; errors before the screen opens go to stderr; `e` writes the
// view the status line names.
import AttnImaging
import AttnTestSupport
import Foundation
import Testing

private let prompt = "attnview-test$"

private func launch(_ arguments: String, width: Int = 100, height: Int = 30, in folder: String? = nil) throws -> Tmux {
    let tmux = try Tmux.shell(width: width, height: height)
    #expect(tmux.waitFor(prompt))
    let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path
    try tmux.enter((folder.map { "cd '\($0)' && " } ?? "") + "\(BuiltBinary.url.path) \(cat) \(arguments)")
    #expect(tmux.waitFor("layers", timeout: 120), "no first frame: \((try? tmux.capture()) ?? "")")
    return tmux
}

/// The prompt is back and the terminal echoes again: `echo` typed now shows its output.
private func expectShellIsBack(_ tmux: Tmux) throws {
    #expect(tmux.waitUntil(timeout: 20) { $0.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }?.hasPrefix(prompt) == true },
            "prompt did not come back: \((try? tmux.capture()) ?? "")")
    try tmux.enter("echo terminal-is-$((40+2))")
    #expect(tmux.waitFor("terminal-is-42"), "echo after quitting: \((try? tmux.capture()) ?? "")")
}

@Test func stepThroughTheTUIAsAPersonWould() throws {
    let tmux = try launch("--module coordatt --size 96")
    var screen = try tmux.capture()
    #expect(screen.contains("coordatt (untrained, seed 0)"))
    #expect(screen.contains("stem 32x48x48"))
    #expect(screen.contains("h x w | channel 0 | view 1/4"))
    #expect(screen.contains("ImageNet top-5"))

    try tmux.sendKeys("]")
    #expect(tmux.waitFor("stage1 16x48x48"), "] did not move to stage1")
    try tmux.sendKeys("PageDown")
    #expect(tmux.waitFor("stage2 24x24x24"))
    try tmux.sendKeys("[")
    #expect(tmux.waitFor("stage1 16x48x48"))

    try tmux.sendKeys("Tab")
    #expect(tmux.waitFor("a_h (channel x row) | channel 0 | view 2/4"))
    try tmux.sendKeys("BTab")
    #expect(tmux.waitFor("h x w | channel 0 | view 1/4"))

    try tmux.sendKeys("+", "+")
    #expect(tmux.waitFor("h x w | channel 2"))
    try tmux.sendKeys("-")
    #expect(tmux.waitFor("h x w | channel 1"))
    try tmux.sendKeys("g")
    try tmux.type("12")
    try tmux.sendKeys("Enter")
    #expect(tmux.waitFor("h x w | channel 12"))

    #expect(try tmux.capture().contains("viridis"))
    try tmux.sendKeys("c")
    #expect(tmux.waitFor("magma"))
    try tmux.sendKeys("n")
    #expect(tmux.waitFor("norm per layer"))

    try tmux.resize(width: 40, height: 10)
    #expect(tmux.waitFor("terminal too small: need 60x18"), "after shrinking: \((try? tmux.capture()) ?? "")")
    try tmux.resize(width: 100, height: 30)
    #expect(tmux.waitFor("layers"), "after growing back: \((try? tmux.capture()) ?? "")")
    screen = try tmux.capture()
    #expect(screen.contains("stage1 16x48x48") && screen.contains("channel 12") && screen.contains("magma"))

    try tmux.sendKeys("?")
    #expect(tmux.waitFor("attnview keys"))
    try tmux.sendKeys("Escape")
    #expect(tmux.waitUntil { !$0.contains("attnview keys") })

    try tmux.sendKeys("q")
    try expectShellIsBack(tmux)
}

@Test func quitsOnQEvenWhenTheTerminalIsTooSmall() throws {
    let tmux = try launch("--module se --size 64")
    try tmux.resize(width: 20, height: 5)
    #expect(tmux.waitFor("terminal too sma"))
    try tmux.sendKeys("q")
    try tmux.resize(width: 100, height: 30)
    try expectShellIsBack(tmux)
}

@Test func ctrlCRestoresTheTerminal() throws {
    let tmux = try launch("--module cbam --size 64")
    try tmux.sendKeys("C-c")
    try expectShellIsBack(tmux)
}

@Test func sigtermRestoresTheTerminal() throws {
    let tmux = try launch("--module simam --size 64")
    let shell = try tmux.panePID()
    let pgrep = Process()
    pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
    pgrep.arguments = ["-TERM", "-P", String(shell)]
    try pgrep.run()
    pgrep.waitUntilExit()
    #expect(pgrep.terminationStatus == 0, "no child of the shell to signal")
    try expectShellIsBack(tmux)
}

@Test func errorsBeforeTheScreenOpensGoToStderr() throws {
    let folder = try TemporaryFolder()
    try Data("not a png".utf8).write(to: URL(fileURLWithPath: folder.path("bad.png")))
    let bad = try BuiltBinary.run([folder.path("bad.png"), "--module", "cbam"])
    #expect(bad.status != 0)
    #expect(bad.stderr == "Error: cannot read image '\(folder.path("bad.png"))': not a PNG or JPEG file\n")
    let unknown = try BuiltBinary.run([Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path, "--module", "nope"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("unknown block 'nope'"))
}

@Test func withoutATerminalTheTUISaysSo() throws {
    let result = try BuiltBinary.run([Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path, "--module", "se", "--size", "64"])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("terminal"), "stderr: \(result.stderr)")
}

@Test func eWritesTheFileTheStatusLineNames() throws {
    let folder = try TemporaryFolder()
    let tmux = try launch("--module cbam --size 64 --out figs", in: folder.url.path)
    try tmux.sendKeys("]", "]", "]")
    #expect(tmux.waitFor("stage3"))
    try tmux.sendKeys("e")
    #expect(tmux.waitFor("wrote figs/cat_stage3_spatial_viridis.png"), "status: \(tmux.screenText)")
    try tmux.sendKeys("Tab", "c", "e")
    #expect(tmux.waitFor("wrote figs/cat_stage3_channel_magma.png"), "status: \(tmux.screenText)")
    try tmux.sendKeys("BTab", "c", "c", "c", "c", "c", "c", "e")
    #expect(tmux.waitFor("wrote figs/cat_stage3_spatial_viridis-1.png"), "status: \(tmux.screenText)")
    try tmux.sendKeys("q")
    try expectShellIsBack(tmux)
    for name in ["cat_stage3_spatial_viridis.png", "cat_stage3_channel_magma.png", "cat_stage3_spatial_viridis-1.png"] {
        let figure = try PNG.read(contentsOf: folder.url.appendingPathComponent("figs/" + name))
        #expect(figure.height > 0, "\(name)")
    }
    let spatial = try PNG.read(contentsOf: folder.url.appendingPathComponent("figs/cat_stage3_spatial_viridis.png"))
    #expect(spatial.width == 451 && spatial.height > 300)
}

@Test(arguments: [("cbam_resnet50", ["layer1.0.cbam", "layer1.1.cbam", "layer1.2.cbam"] + (0..<4).map { "layer2.\($0).cbam" }
                    + (0..<6).map { "layer3.\($0).cbam" } + (0..<3).map { "layer4.\($0).cbam" }),
                  ("mobilenetv2_ca", (2...17).map { "features.\($0).conv.6" })])
func browsesEveryBlockOfAWholeNetwork(model: String, blocks: [String]) throws {
    let tmux = try launch("--model \(model) --size 64", width: 110, height: 30)
    #expect(tmux.waitFor("\(model) (untrained, seed 0) | \(blocks[0]) "), "first frame: \(tmux.screenText)")
    for block in blocks.dropFirst() {
        try tmux.sendKeys("]")
        #expect(tmux.waitFor("| \(block) "), "] did not reach \(block): \(tmux.screenText)")
    }
    try tmux.sendKeys("Home")
    #expect(tmux.waitFor("| \(blocks[0]) "))
    try tmux.sendKeys("}")
    #expect(tmux.waitUntil { !$0.contains("| \(blocks[0]) ") }, "} did not leave the first stage")
    try tmux.sendKeys("/")
    try tmux.type(String(blocks.last!.dropLast(2)))
    #expect(tmux.waitFor("filter layers: "))
    try tmux.sendKeys("Enter")
    #expect(tmux.waitFor("layers /"), "no filter in the list: \(tmux.screenText)")
    try tmux.sendKeys("End")
    #expect(tmux.waitFor("| \(blocks.last!) "))
    try tmux.sendKeys("q")
    try expectShellIsBack(tmux)
}

@Test func keysRedrawQuicklyOnAHugeImage() throws {
    // A 4000 x 3000 photo: the screen draws from a display-sized copy, so a key costs what it
    // costs on a thumbnail (bench --tui measures it: well under 50 ms; here, loosely, under 2 s
    // each through tmux on a shared machine).
    let folder = try TemporaryFolder()
    let cat = try PNG.read(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/cat.png"))
    try PNG.write(cat.resizedBilinear(height: 3000, width: 4000), to: URL(fileURLWithPath: folder.path("huge.png")), compression: .fast)
    let tmux = try Tmux.shell(width: 100, height: 30)
    #expect(tmux.waitFor(prompt))
    try tmux.enter("\(BuiltBinary.url.path) '\(folder.path("huge.png"))' --module cbam")
    #expect(tmux.waitFor("layers", timeout: 120), "no first frame: \(tmux.screenText)")
    for (key, shows) in [("]", "stage1 16x112x112"), ("]", "stage2 24x56x56"), ("Tab", "channel weights | channel"),
                         ("BTab", "spatial gate | view"), ("c", "magma"), ("n", "norm per layer"), ("[", "stage1 16x112x112")] {
        let started = Date()
        try tmux.sendKeys(key)
        #expect(tmux.waitFor(shows, timeout: 10), "\(key) did not show \(shows): \(tmux.screenText)")
        #expect(Date().timeIntervalSince(started) < 2, "\(key) took \(Date().timeIntervalSince(started)) s")
    }
    try tmux.sendKeys("q")
    try expectShellIsBack(tmux)
}

@Test func anOptionErrorFailsBeforeTheScreenOpens() throws {
    let cat = Fixtures.packageRoot.appendingPathComponent("samples/cat.png").path
    for (options, message) in [
        (["--set", "reduction=abc"], "cbam: option reduction=abc must be an integer from 1 to 4096"),
        (["--set", "bogus=1"], "cbam: unknown option 'bogus' (its options are reduction, pool_types, no_spatial)"),
        (["--module", "coordatt", "--set", "reduction=0"], "coordatt: option reduction=0 must be an integer from 1 to 4096"),
        (["--module", "cbam", "--set", "pool_types=foo"], "cbam: option pool_types=foo must be a comma-separated list of avg, max, lp, lse"),
        (["--module", "sa", "--set", "groups=0"], "sa: option groups=0 must be an integer from 1 to 4096"),
    ] {
        let result = try BuiltBinary.run([cat] + options)
        #expect(result.status == 1, "\(options)")
        #expect(result.stderr == "Error: \(message)\n", "\(options): \(result.stderr)")
    }
    // In a terminal too: the prompt comes back with the message, no screen was opened.
    let tmux = try Tmux.shell(width: 100, height: 30)
    #expect(tmux.waitFor(prompt))
    try tmux.enter("\(BuiltBinary.url.path) \(cat) --module sa --set groups=0")
    #expect(tmux.waitFor("sa: option groups=0 must be"), "\(tmux.screenText)")
    try expectShellIsBack(tmux)
}
