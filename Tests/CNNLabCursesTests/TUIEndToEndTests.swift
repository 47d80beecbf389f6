import Foundation
import TerminalTestSupport
import Testing

/// The TUI in tmux; after it exits the pane prints `[exit N]` and `stty -a`.
/// `pidFile` receives the app's process id.
private func startTUI(pidFile: String? = nil, environment: String = "TERM=tmux-256color LANG=C.UTF-8") throws -> TmuxSession {
    let app = TestEnvironment.cnnlab ?? "cnnlab"
    let exec = pidFile.map { "sh -c 'echo $$ > \($0); exec \(app) tui'" } ?? "\(app) tui"
    return try TmuxSession(command: "\(environment) \(exec)")
}

/// The TUI in tmux and its process id (for sending it signals).
private func startTUIWithPid(environment: String = "TERM=tmux-256color LANG=C.UTF-8") throws -> (TmuxSession, pid_t) {
    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-pid-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: pidFile) }
    let tmux = try startTUI(pidFile: pidFile.path, environment: environment)
    #expect(tmux.waitForText("Network"))
    let pidText = try String(contentsOf: pidFile, encoding: .utf8)
    return (tmux, try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines))))
}

private let edgeImage = "let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]"

/// Waits for the prompt, then defines the lecture's edge image `A` and vertical filter `K` and
/// shows `A * K` in the viewer.
private func showEdgeResult(_ tmux: TmuxSession) {
    #expect(tmux.waitForText("cnn>"))
    tmux.type(edgeImage)
    tmux.press("Enter")
    tmux.type("let K = [[1,0,-1],[1,0,-1],[1,0,-1]]")
    tmux.press("Enter")
    tmux.type("show A * K")
    tmux.press("Enter")
}

/// Whether `text` holds an SGR sequence setting a foreground or background colour
/// (not just bold/dim/reverse or the default colours 39/49).
private func usesColour(_ text: String) -> Bool {
    text.range(of: "\u{1B}\\[(?:[0-9]+;)*(?:3[0-7]|4[0-7]|[34]8;5;[0-9]+)m", options: .regularExpression) != nil
}

/// Skips (with the reason in the test name) when the binary or tmux is missing.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil && TestEnvironment.tmuxInstalled, "needs .build/debug/cnnlab (swift build) and tmux"))
struct TUIEndToEndTests {
    @Test func startUpNetworkDerivationAndSelection() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("Network") && tmux.waitForText("cnn>"))
        tmux.type("input 39x39x3")
        tmux.press("Enter")
        tmux.type("conv 10 f=3")
        tmux.press("Enter")
        #expect(tmux.waitForText("37×37×10"))
        #expect(tmux.waitForText("Derivation: layer 1 (conv)"))
        #expect(tmux.waitForText("⌊(39 + 0 − 3)/1⌋"))
        tmux.press("Escape")
        tmux.press("Up")
        #expect(tmux.waitForText("Derivation: layer 0 (input)"))
        #expect(tmux.waitForText("▶ 0 input"))
        let coloured = tmux.capture(escapes: true)
        #expect(usesColour(coloured), "no colour escapes in:\n\(coloured)")
    }

    @Test func heatmapAndStepperFirstTwoWindows() throws {
        let tmux = try startTUI()
        showEdgeResult(tmux)
        // 256 colours: the map is painted in the grey ramp (0 → 232, 30 → 255).
        #expect(tmux.waitForText("result: 4×4 heatmap (color)"))
        let coloured = tmux.capture(escapes: true)
        #expect(coloured.contains("\u{1B}[48;5;255m") && coloured.contains("\u{1B}[48;5;232m"), "no grey ramp in:\n\(coloured)")
        tmux.type("step A * K")
        tmux.press("Enter")
        #expect(tmux.waitForText("10·(−1) = 0"))
        #expect(tmux.waitForText("window 1/16"))
        tmux.press("Space")
        #expect(tmux.waitForText("0·(−1) = 30"))
        #expect(tmux.waitForText("window 2/16"))
    }

    @Test func heatmapInBlocksOnAnEightColourTerminal() throws {
        let tmux = try startTUI(environment: "TERM=xterm LANG=C.UTF-8")
        showEdgeResult(tmux)
        #expect(tmux.waitForText("result: 4×4 heatmap (blocks)"))
        #expect(tmux.waitForText("█"))
        #expect(!tmux.capture(escapes: true).contains("48;5;"))
    }

    @Test func resizeBelowTheMinimumAndBack() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("Network"))
        tmux.resize(width: 60, height: 20)
        #expect(tmux.waitForText("terminal too small (needs 80×24)"))
        tmux.resize(width: 100, height: 30)
        #expect(tmux.waitForText("Network"))
        #expect(!tmux.capture().contains("too small"))
    }

    @Test func ctrlCStopsALongComputationAndKeepsTheTUI() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("cnn>"))
        // Seconds per layer in a debug build: Ctrl-C must stop it and leave the TUI running.
        tmux.type("net example convnetjs-cifar10; forward randn(3000,32,32,3)")
        tmux.press("Enter")
        // The screen is redrawn when the line is done, so there is nothing to wait for here.
        Thread.sleep(forTimeInterval: 1.5)
        tmux.press("C-c")
        #expect(tmux.waitForText("error: interrupted"))
        tmux.type("summary")
        tmux.press("Enter")
        #expect(tmux.waitForText("Total params: 22,466"))
    }

    @Test func qQuitsWithStatusZeroAndASaneTerminal() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("cnn>"))
        tmux.press("C-c")
        tmux.press("Escape")
        tmux.press("q")
        #expect(tmux.waitForText("[exit 0]"))
        #expect(tmux.terminalProblem() == nil)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (tmux, pid) = try startTUIWithPid()
        kill(pid, SIGTERM)
        #expect(tmux.waitForText("[exit 143]"))
        #expect(tmux.terminalProblem() == nil)
        #expect(!tmux.capture().contains("Network"), "the alternate screen was left:\n\(tmux.capture())")
    }

    @Test func sighupRestoresTheTerminal() throws {
        let (tmux, pid) = try startTUIWithPid()
        kill(pid, SIGHUP)
        #expect(tmux.waitForText("[exit 129]"))
        #expect(tmux.terminalProblem() == nil)
    }

    /// Issue 14: Ctrl-\ quits (131) instead of the runtime's crash report over the screen.
    @Test func ctrlBackslashQuitsWithStatus131AndASaneTerminal() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("cnn>"))
        tmux.press("C-\\")
        #expect(tmux.waitForText("[exit 131]"), "\(tmux.screen)")
        #expect(tmux.terminalProblem() == nil)
        #expect(!tmux.capture(scrollback: true).contains("Program crashed"))
    }

    /// Issue 14: a crash (here a signal as a bad pointer or a Swift trap would raise) still
    /// gets the runtime's report, on a restored terminal, and the signal's exit status.
    @Test(arguments: [(SIGSEGV, 139), (SIGILL, 132), (SIGTRAP, 133)])
    func aCrashRestoresTheTerminalAndIsStillReported(signal: Int32, status: Int) throws {
        let (tmux, pid) = try startTUIWithPid(environment: "TERM=tmux-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no")
        kill(pid, signal)
        #expect(tmux.wait(timeout: 30) { $0.screen.contains("[exit \(status)]") } != nil, "\(tmux.screen)")
        #expect(tmux.terminalProblem() == nil)
        #expect(tmux.capture(scrollback: true).contains("Program crashed"))
    }

    /// Issue 14: a 12,000-character paste is taken in one go (a frame per key took a minute).
    @Test func aLongPasteIsTakenInOneGoAndTheTerminalStaysUsable() throws {
        let tmux = try startTUI()
        #expect(tmux.waitForText("cnn>"))
        let literal = "let P = [" + Array(repeating: "1", count: 4000).joined(separator: ", ") + "]"
        tmux.paste(literal)
        tmux.press("Enter")
        #expect(tmux.wait(timeout: 20) { $0.screen.contains("P: 4000") } != nil, "\(tmux.screen)")
        tmux.press("Escape")
        tmux.press("q")
        #expect(tmux.waitForText("[exit 0]"))
        #expect(tmux.terminalProblem() == nil)
    }

    /// Issue 14: a file's bytes are drawn as visible escapes in the output pane.
    @Test func anNPYHeaderWithControlSequencesNeitherClearsTheScreenNorSetsTheTitle() throws {
        let tmux = try startTUI()
        defer { tmux.close() }
        let file = tmux.directory + "/x.npy"
        try HostileFiles.npyWithControlSequences.write(to: URL(fileURLWithPath: file))
        #expect(tmux.waitForText("cnn>"))
        let title = tmux.format("#{pane_title}")
        tmux.type("load A \"\(file)\"")
        tmux.press("Enter")
        #expect(tmux.waitForText("\\e[2J\\e]0;pwned\\x07"), "\(tmux.screen)")
        #expect(tmux.screen.contains("Network"), "the screen was cleared:\n\(tmux.screen)")
        #expect(tmux.format("#{pane_title}") == title)
    }

    @Test func monochromeWithNoColor() throws {
        let tmux = try startTUI(environment: "TERM=tmux-256color LANG=C.UTF-8 NO_COLOR=1")
        #expect(tmux.waitForText("Network"))
        let coloured = tmux.capture(escapes: true)
        #expect(!usesColour(coloured), "colour used despite NO_COLOR")
        #expect(coloured.contains("\u{1B}[1m"), "no bold titles in monochrome")
    }
}
