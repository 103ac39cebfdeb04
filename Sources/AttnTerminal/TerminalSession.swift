// TerminalSession: a wide-character ncurses screen on the terminal, with the colour depth it can
// show, and the guarantee that the terminal comes back as it was: close(), run(), deinit, exit()
// and every signal that ends the process restore it (TerminalSignals); Ctrl-Z gives it back and
// fg takes it again.
import AttnTUI
import CNcursesW
import Foundation

public final class TerminalSession {
    /// The colour depth drawing uses (.basic16 on a terminal without colours, which depthNote says).
    public let depth: ColorDepth
    /// Why the depth or terminal type differs from what was asked, for the status line.
    public let depthNote: String?
    /// The terminfo entry ncurses runs with (TERM's, or its -direct sibling for truecolor).
    public let terminalType: String

    let encoding: ColorEncoding
    var pairs: ColorPairTable
    /// The last frame drawn, to send only the cells that changed.
    var previous: Screen?
    var needsFullRedraw = true
    /// Bits per colour channel the last frame's pairs were defined at (see draw).
    var pairBits = 8
    var glyphBuffer = [wchar_t](repeating: 0, count: CellGlyph.maxCodePoints + 1)
    /// Bytes of a character read so far.
    var keyInput = KeyInput()

    private var screen: OpaquePointer?
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private let savedHandlers: TerminalSignals.SavedHandlers
    private var lastSize: (width: Int, height: Int) = (0, 0)

    /// Opens the screen on stdin and stdout, with `forcedDepth` or else the detected depth.
    public convenience init(forcedDepth: ColorDepth?) throws {
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "stdout") }
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "stdin") }
        try self.init(forcedDepth: forcedDepth, environment: ProcessInfo.processInfo.environment,
                      input: attn_stdin(), output: attn_stdout(), ownsFiles: false)
    }

    /// Opens the screen on another terminal device (tests drive a pseudo-terminal this way).
    package convenience init(forcedDepth: ColorDepth?, environment: [String: String], terminal descriptor: Int32) throws {
        guard isatty(descriptor) == 1 else { throw TerminalError.notATerminal(stream: "descriptor \(descriptor)") }
        guard let input = fdopen(dup(descriptor), "r"), let output = fdopen(dup(descriptor), "w") else {
            throw TerminalError.notATerminal(stream: "descriptor \(descriptor)")
        }
        try self.init(forcedDepth: forcedDepth, environment: environment, input: input, output: output, ownsFiles: true)
    }

    private init(forcedDepth: ColorDepth?, environment: [String: String], input: UnsafeMutablePointer<FILE>,
                 output: UnsafeMutablePointer<FILE>, ownsFiles: Bool) throws {
        self.input = input; self.output = output; self.ownsFiles = ownsFiles
        func closeFiles() { if ownsFiles { fclose(input); fclose(output) } }

        Self.chooseUTF8Locale()
        guard let type = environment["TERM"], !type.isEmpty else { closeFiles(); throw TerminalError.noTerminalType }
        guard let entry = Terminfo.entry(terminalType: type) else {
            closeFiles(); throw TerminalError.unknownTerminalType(type)
        }
        let requested = forcedDepth
            ?? ColorDepth.detect(environment: environment, terminfoColors: entry.colors, terminfoHasRGB: entry.hasRGB)
        let choice = DepthChoice.choose(requested: requested, terminalType: type) { Terminfo.hasRGB(terminalType: $0) }

        let opened: OpenedScreen
        do {
            opened = try Self.openScreen(terminalType: choice.terminalType, input: input, output: output)
        } catch {
            closeFiles()
            throw error
        }
        screen = opened.screen
        savedHandlers = opened.handlers
        terminalType = choice.terminalType
        encoding = ColorEncoding.forDepth(choice.depth, terminalColors: opened.colors, rgbNumbers: opened.rgbNumbers)
        pairs = ColorPairTable(capacity: opened.pairs - 1)
        depth = encoding.depth ?? .basic16
        depthNote = Self.note(choice: choice, encoding: encoding, colors: opened.colors)
        lastSize = opened.size
    }

    /// What opening the screen found out about the terminal.
    private struct OpenedScreen {
        let screen: OpaquePointer
        let handlers: TerminalSignals.SavedHandlers
        let colors: Int
        let pairs: Int
        let rgbNumbers: Bool
        let size: (width: Int, height: Int)
    }

    private static func openScreen(terminalType: String, input: UnsafeMutablePointer<FILE>,
                                   output: UnsafeMutablePointer<FILE>) throws -> OpenedScreen {
        try NcursesLock.withLock {
            // ncurses has one current screen, and the restore hooks know one session.
            guard !TerminalRestore.isOpen.load(ordering: .sequentiallyConsistent) else { throw TerminalError.alreadyOpen }
            // From here on a signal gives back the modes the terminal has now.
            TerminalRestore.begin(descriptor: fileno(output))
            let handlers = TerminalSignals.install()
            guard let screen = newterm(terminalType, output, input) else {
                TerminalSignals.uninstall(handlers)
                TerminalRestore.end()
                throw TerminalError.cannotStart(terminalType: terminalType)
            }
            configureModes()
            TerminalRestore.complete()
            var colors = 0, pairs = 0
            if has_colors() {
                start_color()
                // Pair 0 becomes the terminal's own colours, for whatever no frame covers.
                use_default_colors()
                colors = Int(attn_colors()); pairs = Int(attn_color_pairs())
            }
            return OpenedScreen(screen: screen, handlers: handlers, colors: colors, pairs: pairs,
                                rgbNumbers: tigetflag("RGB") > 0, size: (Int(attn_cols()), Int(attn_lines())))
        }
    }

    deinit { close() }

    /// Opens a session, runs `body` with it and closes it, also when `body` throws.
    public static func run<T>(forcedDepth: ColorDepth?, _ body: (TerminalSession) throws -> T) throws -> T {
        let session = try TerminalSession(forcedDepth: forcedDepth)
        defer { session.close() }
        return try body(session)
    }

    /// Whether the screen is still open.
    public var isOpen: Bool { NcursesLock.withLock { screen != nil } }

    /// The terminal's size in cells (the last one known once closed).
    public var size: (width: Int, height: Int) {
        NcursesLock.withLock {
            if screen != nil { lastSize = (Int(attn_cols()), Int(attn_lines())) }
            return lastSize
        }
    }

    /// Gives the terminal back: normal screen, cursor, echo and line mode. Safe to call again.
    public func close() {
        NcursesLock.withLock {
            guard let screen else { return }
            endwin()
            TerminalRestore.end()
            TerminalSignals.uninstall(savedHandlers)
            delscreen(screen)
            self.screen = nil
            if ownsFiles { fclose(input); fclose(output) }
        }
    }

    /// Runs `body` with the ncurses lock held, or not at all once the session is closed.
    func withOpenScreen<T>(_ body: (UnsafeMutablePointer<WINDOW>) -> T) -> T? {
        NcursesLock.withLock {
            guard screen != nil, let window = attn_stdscr() else { return nil }
            return body(window)
        }
    }

    /// The renderer draws block elements, so the locale must encode UTF-8; a C or POSIX locale
    /// (usual in containers and CI) gets C.UTF-8's character handling.
    private static func chooseUTF8Locale() {
        setlocale(LC_ALL, "")
        if attn_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static func configureModes() {
        cbreak()
        noecho()
        // No newline translation: lets ncurses move the cursor with bare line feeds, and Enter
        // arrives as 13.
        nonl()
        guard let window = attn_stdscr() else { return }
        keypad(window, true)
        intrflush(window, false)
        // The cursor is hidden, so ncurses need not park it after each update.
        leaveok(window, true)
        curs_set(0)
        // Escape alone is a key here; waiting the default second for a sequence after it is laggy.
        set_escdelay(25)
        // Frames are drawn whole: input arriving mid-frame waits (the loop takes it all, then draws
        // once) instead of leaving half a frame on the screen.
        typeahead(-1)
    }

    private static func note(choice: DepthChoice, encoding: ColorEncoding, colors: Int) -> String? {
        guard encoding.depth != choice.depth else { return choice.note }
        guard let shown = encoding.depth else { return "no colours: terminal type '\(choice.terminalType)' has none" }
        return "\(shown.rawValue) colours: terminal type '\(choice.terminalType)' has \(colors)"
    }
}
