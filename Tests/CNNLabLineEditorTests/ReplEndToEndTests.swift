import Foundation
import TerminalTestSupport
import Testing

/// A fresh directory to serve as the program's home; the caller removes it.
private func makeHome() throws -> String {
    try TestEnvironment.makeDirectory(prefix: "cnnlab-home")
}

/// `cnnlab repl` in a real terminal, with `home` as its home, state and working directory.
private func startRepl(home: String) throws -> TmuxSession {
    let command = "cd '\(home)' && env TERM=tmux-256color LANG=C.UTF-8 HOME='\(home)' XDG_STATE_HOME='\(home)' '\(TestEnvironment.cnnlab ?? "cnnlab")' repl"
    let session = try TmuxSession(command: command)
    #expect(session.waitForLastLine("cnnlab>"), "no prompt:\n\(session.screen)")
    return session
}

/// Whether the terminal was left in its normal mode, from the `stty -a` printed after exit.
private func terminalIsSane(_ screen: String) -> Bool {
    let settings = screen.split(whereSeparator: \.isWhitespace)
    return settings.contains("icanon") && settings.contains("echo") && !settings.contains("-icanon") && !settings.contains("-echo")
}

@Suite(
    .enabled(if: TestEnvironment.cnnlab != nil, "cnnlab is not built next to the tests: run swift build --build-tests"),
    .enabled(if: TestEnvironment.tmuxInstalled, "tmux is not installed (scripts/test.sh installs it)"))
struct ReplEndToEndTests {
    /// Issue 15: history moved from the data directory to the state directory, once.
    @Test func historyInTheOldPlaceMovesToTheStateDirectory() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let old = home + "/.local/share/cnnlab/history", new = home + "/.local/state/cnnlab/history"
        try FileManager.default.createDirectory(atPath: home + "/.local/share/cnnlab", withIntermediateDirectories: true)
        try Data("fc 10\n".utf8).write(to: URL(fileURLWithPath: old))
        let command = "cd '\(home)' && env -u XDG_STATE_HOME -u XDG_DATA_HOME TERM=tmux-256color LANG=C.UTF-8 HOME='\(home)' '\(TestEnvironment.cnnlab ?? "cnnlab")' repl"
        let repl = try TmuxSession(command: command)
        defer { repl.close() }
        #expect(repl.waitForLastLine("cnnlab>"), "\(repl.screen)")
        repl.press("Up")
        #expect(repl.waitForLastLine("cnnlab> fc 10"), "\(repl.screen)")
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: new))
    }

    @Test func promptShowsTheOutputShapeAndCtrlDQuits() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        repl.type("input 39x39x3; conv 10 f=3")
        repl.press("Enter")
        #expect(repl.waitForLastLine("cnnlab [37×37×10]>"), "\(repl.screen)")
        repl.press("C-d")
        #expect(repl.waitForText("[exit 0]"), "\(repl.screen)")
        let screen = try #require(repl.wait { $0.screen.contains("icanon") })
        #expect(terminalIsSane(screen), "\(screen)")
    }

    @Test func tabCompletesCommandsAndVariables() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        repl.type("sum")
        #expect(repl.waitForLastLine("cnnlab> sum"))
        repl.press("Tab")
        #expect(repl.waitForLastLine("cnnlab> summary"), "\(repl.screen)")
        repl.press("C-u")
        repl.type("let Kernel = ones(3,3)")
        repl.press("Enter")
        #expect(repl.waitForText("Kernel: 3×3"))
        repl.type("show Ker")
        #expect(repl.waitForLastLine("cnnlab> show Ker"))
        repl.press("Tab")
        #expect(repl.waitForLastLine("cnnlab> show Kernel"), "\(repl.screen)")
        repl.press("Enter")
        #expect(repl.waitForText("  1  1  1\ncnnlab>"), "\(repl.screen)")
    }

    @Test func anErrorShowsACaretAndTheReplGoesOn() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        repl.type("cnv 10 f=3")
        repl.press("Enter")
        #expect(repl.waitForText("1 | cnv 10 f=3\n  | ^^^\n"), "\(repl.screen)")
        #expect(repl.screen.contains("did you mean 'conv'?"))
        #expect(repl.waitForLastLine("cnnlab>"))
        repl.type("input 5x5x1")
        repl.press("Enter")
        #expect(repl.waitForLastLine("cnnlab [5×5×1]>"), "\(repl.screen)")
    }

    @Test func ctrlCStopsALongComputationAndKeepsTheSession() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        // Seconds of work per layer in a debug build: Ctrl-C must end it, not cnnlab.
        repl.type("net example convnetjs-cifar10; forward randn(3000,32,32,3)")
        repl.press("Enter")
        #expect(repl.waitForText("softmax 10"), "\(repl.screen)")
        Thread.sleep(forTimeInterval: 0.5)
        repl.press("C-c")
        #expect(repl.waitForText("error: interrupted"), "\(repl.screen)")
        #expect(repl.waitForLastLine("cnnlab [10]>"), "\(repl.screen)")
        repl.type("quit")
        repl.press("Enter")
        #expect(repl.waitForText("[exit 0]"), "\(repl.screen)")
    }

    @Test func ctrlCDiscardsTheLineAndKeepsTheReplAlive() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        repl.type("input 7x7x1")
        #expect(repl.waitForLastLine("cnnlab> input 7x7x1"))
        repl.press("C-c")
        #expect(repl.waitForText("cnnlab> input 7x7x1^C\ncnnlab>"), "\(repl.screen)")
        #expect(repl.waitForLastLine("cnnlab>"))
        repl.type("input 5x5x1")
        repl.press("Enter")
        #expect(repl.waitForLastLine("cnnlab [5×5×1]>"), "\(repl.screen)")
        repl.type("quit")
        repl.press("Enter")
        #expect(repl.waitForText("[exit 0]"), "\(repl.screen)")
        let screen = try #require(repl.wait { $0.screen.contains("icanon") })
        #expect(terminalIsSane(screen), "\(screen)")
    }

    /// Issue 14: history that cannot be kept is said once, before the banner, in the user's
    /// language (it used to be dropped without a word).
    @Test(arguments: [
        ("en", "symlink", "warning: the history file "), ("pt-BR", "symlink", "aviso: o arquivo de histórico "),
        ("en", "folder", "warning: history cannot be kept in "), ("pt-BR", "folder", "aviso: não é possível guardar o histórico em "),
    ])
    func historyThatCannotBeKeptIsSaidOnce(language: String, kind: String, warning: String) throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var data = home
        if kind == "symlink" {
            try FileManager.default.createDirectory(atPath: home + "/cnnlab", withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: home + "/elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: home + "/cnnlab/history", withDestinationPath: home + "/elsewhere")
        } else {
            try Data().write(to: URL(fileURLWithPath: home + "/file"))
            data = home + "/file"  // history would go in file/cnnlab/history
        }
        let command = "cd '\(home)' && env TERM=tmux-256color LANG=C.UTF-8 HOME='\(home)' XDG_STATE_HOME='\(data)' '\(TestEnvironment.cnnlab ?? "cnnlab")' repl --lang \(language)"
        let repl = try TmuxSession(command: command)
        defer { repl.close() }
        #expect(repl.waitForText("cnnlab>"), "\(repl.screen)")
        let screen = repl.screen
        #expect(screen.hasPrefix(warning), "\(screen)")
        #expect(screen.components(separatedBy: warning).count == 2, "\(screen)")
        repl.type("input 5x5x1")
        repl.press("Enter")
        #expect(repl.waitForLastLine("cnnlab [5×5×1]>"), "\(repl.screen)")
        #expect(repl.screen.components(separatedBy: warning).count == 2, "said again:\n\(repl.screen)")
        let elsewhere = try? String(contentsOfFile: home + "/elsewhere", encoding: .utf8)
        #expect(kind != "symlink" || elsewhere == "x\n")
    }

    /// Issue 14: Ctrl-\ quits with status 131, at the prompt and during a command, instead of
    /// the runtime's crash report (which filled the screen and waited for a key).
    @Test(arguments: [false, true])
    func ctrlBackslashQuitsWithStatus131(duringACommand: Bool) throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let repl = try startRepl(home: home)
        defer { repl.close() }
        if duringACommand {
            repl.type("net example convnetjs-cifar10; forward randn(3000,32,32,3)")
            repl.press("Enter")
            #expect(repl.waitForText("softmax 10"), "\(repl.screen)")
        }
        repl.press("C-\\")
        #expect(repl.waitForText("[exit 131]"), "\(repl.screen)")
        #expect(!repl.capture(scrollback: true).contains("Program crashed"))
        #expect(repl.terminalProblem() == nil)
    }

    /// Issue 14: a file's bytes are shown escaped; before, they cleared the screen and set the title.
    @Test func anNPYHeaderWithControlSequencesNeitherClearsTheScreenNorSetsTheTitle() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try HostileFiles.npyWithControlSequences.write(to: URL(fileURLWithPath: home + "/x.npy"))
        let repl = try startRepl(home: home)
        defer { repl.close() }
        let title = repl.format("#{pane_title}")
        repl.type("load A \"x.npy\"")
        repl.press("Enter")
        #expect(repl.waitForText("dtype '\\e[2J\\e]0;pwned\\x07\\e]52;c;aGk=\\x07'"), "\(repl.screen)")
        #expect(repl.waitForLastLine("cnnlab>"))
        #expect(repl.screen.contains("cnnlab: try"), "the screen was cleared:\n\(repl.screen)")
        #expect(repl.format("#{pane_title}") == title)
        #expect(!repl.format("#{pane_title}").contains("pwned"))
    }

    @Test func upArrowRecallsHistoryAlsoAfterARestart() throws {
        let home = try makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try startRepl(home: home)
        first.type("input 39x39x3")
        first.press("Enter")
        #expect(first.waitForLastLine("cnnlab [39×39×3]>"))
        first.type("conv 10 f=3")
        first.press("Enter")
        #expect(first.waitForLastLine("cnnlab [37×37×10]>"))
        first.press("Up")
        #expect(first.waitForLastLine("cnnlab [37×37×10]> conv 10 f=3"), "\(first.screen)")
        first.press("Up")
        #expect(first.waitForLastLine("cnnlab [37×37×10]> input 39x39x3"), "\(first.screen)")
        first.press("C-c")
        first.press("C-d")
        #expect(first.waitForText("[exit 0]"))
        first.close()

        let file = home + "/cnnlab/history"
        #expect((try? String(contentsOfFile: file, encoding: .utf8)) == "input 39x39x3\nconv 10 f=3\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try startRepl(home: home)
        defer { second.close() }
        second.press("Up")
        #expect(second.waitForLastLine("cnnlab> conv 10 f=3"), "\(second.screen)")
        second.press("Up")
        #expect(second.waitForLastLine("cnnlab> input 39x39x3"), "\(second.screen)")
        second.press("Enter")
        #expect(second.waitForLastLine("cnnlab [39×39×3]>"), "\(second.screen)")
    }
}
