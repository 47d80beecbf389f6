import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `cnnlab`, next to the test bundle (`.build/debug/cnnlab`), if it exists.
private let binary: String? = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cnnlab"),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cnnlab"),
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/cnnlab"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
}()

private let tmuxAvailable = spawnAndWait(["tmux", "-V"], environment: ["PATH=/usr/local/bin:/usr/bin:/bin"], output: "/dev/null") == 0

/// The TUI in tmux; after it exits the pane prints `[exit N]` and `stty -a`.
/// `pidFile` receives the app's process id.
private func startTUI(pidFile: String? = nil, environment: String = "TERM=tmux-256color LANG=C.UTF-8") throws -> TmuxSession {
    let app = binary ?? "cnnlab"
    let exec = pidFile.map { "sh -c 'echo $$ > \($0); exec \(app) tui'" } ?? "\(app) tui"
    return try TmuxSession(command: "\(environment) \(exec); echo \"[exit $?]\"; stty -a; exec sleep 600")
}

private let edgeImage = "let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]"

/// Whether `text` holds an SGR sequence setting a foreground or background colour
/// (not just bold/dim/reverse or the default colours 39/49).
private func usesColour(_ text: String) -> Bool {
    text.range(of: "\u{1B}\\[(?:[0-9]+;)*(?:3[0-7]|4[0-7]|[34]8;5;[0-9]+)m", options: .regularExpression) != nil
}

/// Skips (with the reason in the test name) when the binary or tmux is missing.
@Suite(.enabled(if: binary != nil && tmuxAvailable, "needs .build/debug/cnnlab (swift build) and tmux"))
struct TUIEndToEndTests {
    @Test func startUpNetworkDerivationAndSelection() throws {
        let tmux = try startTUI()
        #expect(tmux.wait(for: "Network") && tmux.wait(for: "cnn>"))
        tmux.type("input 39x39x3")
        tmux.send("Enter")
        tmux.type("conv 10 f=3")
        tmux.send("Enter")
        #expect(tmux.wait(for: "37×37×10"))
        #expect(tmux.wait(for: "Derivation: layer 1 (conv)"))
        #expect(tmux.wait(for: "⌊(39 + 0 − 3)/1⌋"))
        tmux.send("Escape")
        tmux.send("Up")
        #expect(tmux.wait(for: "Derivation: layer 0 (input)"))
        #expect(tmux.wait(for: "▶ 0 input"))
        let coloured = tmux.capture(escapes: true)
        #expect(usesColour(coloured), "no colour escapes in:\n\(coloured)")
    }

    @Test func heatmapAndStepperFirstTwoWindows() throws {
        let tmux = try startTUI()
        #expect(tmux.wait(for: "cnn>"))
        tmux.type(edgeImage)
        tmux.send("Enter")
        tmux.type("let K = [[1,0,-1],[1,0,-1],[1,0,-1]]")
        tmux.send("Enter")
        tmux.type("show A * K")
        tmux.send("Enter")
        #expect(tmux.wait(for: "█"))
        tmux.type("step A * K")
        tmux.send("Enter")
        #expect(tmux.wait(for: "10·(−1) = 0"))
        #expect(tmux.wait(for: "window 1/16"))
        tmux.send("Space")
        #expect(tmux.wait(for: "0·(−1) = 30"))
        #expect(tmux.wait(for: "window 2/16"))
    }

    @Test func resizeBelowTheMinimumAndBack() throws {
        let tmux = try startTUI()
        #expect(tmux.wait(for: "Network"))
        tmux.resize(width: 60, height: 20)
        #expect(tmux.wait(for: "terminal too small (needs 80×24)"))
        tmux.resize(width: 100, height: 30)
        #expect(tmux.wait(for: "Network"))
        #expect(!tmux.capture().contains("too small"))
    }

    @Test func ctrlCStopsALongComputationAndKeepsTheTUI() throws {
        let tmux = try startTUI()
        #expect(tmux.wait(for: "cnn>"))
        // Seconds per layer in a debug build: Ctrl-C must stop it and leave the TUI running.
        tmux.type("net example convnetjs-cifar10; forward randn(3000,32,32,3)")
        tmux.send("Enter")
        // The screen is redrawn when the line is done, so there is nothing to wait for here.
        Thread.sleep(forTimeInterval: 1.5)
        tmux.send("C-c")
        #expect(tmux.wait(for: "error: interrupted"))
        tmux.type("summary")
        tmux.send("Enter")
        #expect(tmux.wait(for: "Total params: 22,466"))
    }

    @Test func qQuitsWithStatusZeroAndASaneTerminal() throws {
        let tmux = try startTUI()
        #expect(tmux.wait(for: "cnn>"))
        tmux.send("C-c")
        tmux.send("Escape")
        tmux.send("q")
        #expect(tmux.wait(for: "[exit 0]"))
        let text = tmux.wait { $0.contains("icanon") } ?? tmux.capture()
        #expect(text.contains(" icanon") && !text.contains("-icanon"), "\(text)")
        #expect(text.contains(" echo ") && !text.contains("-echo "), "\(text)")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-pid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let tmux = try startTUI(pidFile: pidFile.path)
        #expect(tmux.wait(for: "Network"))
        let pidText = try String(contentsOf: pidFile, encoding: .utf8)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        #expect(tmux.wait(for: "[exit 143]"))
        let text = tmux.wait { $0.contains("icanon") } ?? tmux.capture()
        #expect(text.contains(" icanon") && !text.contains("-icanon"), "\(text)")
        #expect(!text.contains("Network"), "the alternate screen was left:\n\(text)")
    }

    @Test func monochromeWithNoColor() throws {
        let tmux = try startTUI(environment: "TERM=tmux-256color LANG=C.UTF-8 NO_COLOR=1")
        #expect(tmux.wait(for: "Network"))
        let coloured = tmux.capture(escapes: true)
        #expect(!usesColour(coloured), "colour used despite NO_COLOR")
        #expect(coloured.contains("\u{1B}[1m"), "no bold titles in monochrome")
    }
}
