import CNNLabTerminal
import ConvCore
import Foundation
import TerminalTestSupport
import Testing
@testable import CNNLabEngine  // the memberwise initialisers of TrainingReport and LessonCatalog

/// Clear the screen, set the window title, write the clipboard (OSC 52), a one-byte CSI, NUL
/// and CR: what a hostile file may hold.
private let attack = "\u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGk=\u{07}\u{9B}2J\u{00}\r"
/// The same, as cnnlab shows it.
private let shownAttack = "\\e[2J\\e]0;pwned\\x07\\e]52;c;aGk=\\x07\\u009b2J\\x00\\x0d"

/// Whether `text` holds a control character other than a line break (C0, DEL or C1).
private func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F..<0xA0).contains($0.value)) }
}

/// A fresh directory for a test's files.
private func makeFolder() throws -> String {
    let path = NSTemporaryDirectory() + "cnnlab-inject-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The column of the first `^` on the caret line, and the column where `token` starts on the
/// echoed line (both counted in terminal columns after the gutter).
private func caretAndToken(_ errors: String, token: String) -> (caret: Int?, token: Int?, carets: Int) {
    let lines = errors.split(separator: "\n").map(String.init)
    guard let echo = lines.firstIndex(where: { $0.hasPrefix("1 | ") }), echo + 1 < lines.count else { return (nil, nil, 0) }
    let echoed = String(lines[echo].dropFirst(4))
    let caretLine = String(lines[echo + 1].dropFirst(4))
    let caret = caretLine.firstIndex(of: "^").map { DisplayWidth.of(String(caretLine[..<$0])) }
    let start = echoed.range(of: token).map { DisplayWidth.of(String(echoed[..<$0.lowerBound])) }
    return (caret, start, caretLine.filter { $0 == "^" }.count)
}

/// Issue 14: text that did not come from cnnlab (files, file names, lesson and dataset files)
/// never reaches the terminal as control sequences; JSON keeps it exactly, escaped as JSON.
@Suite struct TerminalInjectionTests {
    @Test func aParseErrorEchoesItsLineEscapedWithTheCaretUnderTheToken() {
        let repl = ReplSession(session: Session(), language: .en, style: .plain, unicode: true)
        let errors = repl.handle("load A \"\(attack)x.npy\" junk").errors
        #expect(!hasControl(errors), "\(errors)")
        #expect(errors.contains("1 | load A \"\(shownAttack)x.npy\" junk"), "\(errors)")
        let found = caretAndToken(errors, token: "junk")
        #expect(found.caret != nil && found.caret == found.token, "\(errors)")
        #expect(found.carets == 4)
    }

    @Test func theCaretCountsWideCharactersAndAControlCharacterAsItIsShown() {
        let repl = ReplSession(session: Session(), language: .en, style: .plain, unicode: true)
        let wide = repl.handle("load A \"图像.npy\" junk").errors
        let afterWide = caretAndToken(wide, token: "junk")
        #expect(afterWide.caret != nil && afterWide.caret == afterWide.token, "\(wide)")
        // The stray byte itself is the token: shown as `\e`, two columns of carets.
        let stray = repl.handle("conv\u{1B} 3").errors
        #expect(stray.contains("1 | conv\\e 3\n  |     ^^\n"), "\(stray)")
        #expect(!hasControl(stray), "\(stray)")
    }

    @Test func aScriptWithCRLFLineEndsReadsLineByLine() {
        let session = Session()
        let repl = ReplSession(session: session, language: .en, style: .plain, unicode: true)
        let reply = repl.handle("input 5x5x1\r\ncnv 3\r\n")
        #expect(reply.errors.contains(" --> line 2, column 1"), "\(reply.errors)")
        #expect(reply.errors.contains("2 | cnv 3\n  | ^^^\n"), "\(reply.errors)")
        #expect(!hasControl(reply.errors))
        #expect(session.inputDims == [5, 5, 1])
    }

    @Test func anNPYHeaderWithControlSequencesIsShownEscaped() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try HostileFiles.npy(header: "{'descr': '\(attack)', 'fortran_order': False, 'shape': (1,), }")
            .write(to: URL(fileURLWithPath: dir + "/x.npy"))
        let repl = ReplSession(session: Session(workingDirectory: dir), language: .en, style: .plain, unicode: true)
        let errors = repl.handle("load A \"x.npy\"").errors
        #expect(errors.contains("dtype '\(shownAttack)'"), "\(errors)")
        #expect(!hasControl(errors), "\(errors)")
    }

    @Test func anErrorInJSONKeepsTheFileTextExactlyAndEscapedAsJSON() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try HostileFiles.npy(header: "{'descr': '\(attack)\u{7F}', 'fortran_order': False, 'shape': (1,), }")
            .write(to: URL(fileURLWithPath: dir + "/x.npy"))
        var errors = ""
        let mode = BatchMode(format: .json, context: RenderContext(language: .en, style: .plain), keepGoing: true)
        mode.run("load A \"x.npy\"", session: Session(workingDirectory: dir), output: { _ in }, errors: { errors += $0 })
        #expect(!hasControl(errors), "\(errors)")
        let object = try JSONSerialization.jsonObject(with: Data(errors.utf8)) as? [String: Any]
        let message = (object?["error"] as? [String: Any])?["message"] as? String
        #expect(message == "x.npy: unsupported .npy contents: dtype '\(attack)\u{7F}'")
    }

    @Test func fileNamesInResultsAreShownEscaped() throws {
        let named = NamedTensor(name: "A", tensor: try Tensor(shape: [2], storage: [1, 2]))
        let path = "out/\(attack).npy"
        let results: [CommandResult] = [
            .loaded(named, path: path), .saved(named, path: path, scale: nil), .saved(named, path: path, scale: GrayScale(range: 0...1)),
            .networkSaved(path: path), .image(named, source: .file(path)),
        ]
        for result in results {
            let text = ResultRenderer.render(result, language: .en)
            #expect(text.contains("out/\(shownAttack).npy"), "\(text)")
            #expect(!hasControl(text), "\(text)")
            let json = JSONRenderer.render(result)
            #expect(!hasControl(json), "\(json)")
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            if case .image = result { continue }  // the JSON of `image` names no file
            let keepsPath = (object?["path"] as? String) == path
            #expect(keepsPath, "\(json)")
        }
    }

    @Test func aSavedFileNamedWithControlsIsEscapedInTheREPL() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repl = ReplSession(session: Session(workingDirectory: dir), language: .ptBR, style: .plain, unicode: true)
        let reply = repl.handle("save ones(2) \"\u{1B}]0;pwned\u{07}.npy\"")
        #expect(reply.errors.isEmpty, "\(reply.errors)")
        #expect(reply.output.contains("em \\e]0;pwned\\x07.npy"), "\(reply.output)")
        #expect(!hasControl(reply.output))
    }

    @Test func aLessonNamedWithControlsIsEscapedInTheListAndThePrompt() throws {
        let dir = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name = "x\u{1B}]0;pwned\u{07}"
        try Data("# T\npt: T\n## S\npt: S\nHi\npt: Oi\n".utf8).write(to: URL(fileURLWithPath: dir + "/\(name).lesson"))
        let session = Session()
        session.lessons = LessonLibrary(directory: dir)
        let repl = ReplSession(session: session, language: .en, style: .plain, unicode: true)
        let list = repl.handle("lesson").output
        #expect(list.contains("x\\e]0;pwned\\x07"), "\(list)")
        #expect(!hasControl(list), "\(list)")
        _ = try session.lesson(.open(name), at: SourceRange(line: 1, column: 1, length: 1))
        #expect(repl.prompt == "cnnlab [lesson x\\e]0;pwned\\x07 · 1/1]> ")
    }

    @Test func aDatasetFolderAndItsClassNamesAreEscapedInTheTrainingReport() {
        let report = TrainingReport(
            dataset: "mnist:/tmp/\(attack)", optimizer: .adam, epochs: [], testAccuracy: 0.5, seconds: 1, examplesPerSecond: 2,
            confusion: [[1, 0], [0, 1]], classNames: ["cat\u{1B}[2J", "dog"], stopped: false, trainExamples: 2, testExamples: 2)
        let text = TrainingRenderer.render(report, context: RenderContext(language: .en, style: .plain))
        #expect(text.contains("train mnist:/tmp/\(shownAttack):"), "\(text)")
        #expect(text.contains("cat\\e[2J"), "\(text)")
        #expect(!hasControl(text), "\(text)")
    }

    @Test func aLessonNoticeQuotingAPathIsEscaped() {
        let catalog = LessonCatalog(items: [], directory: "/tmp/\(attack)", notice: .progressSetAside(path: "/tmp/\(attack).bad"))
        let text = LessonRenderer.catalog(catalog, context: RenderContext(language: .en, style: .plain))
        #expect(text.contains("/tmp/\(shownAttack).bad"), "\(text)")
        #expect(text.contains("(/tmp/\(shownAttack))"), "\(text)")
        #expect(!hasControl(text), "\(text)")
    }

    @Test func jsonEscapesDELAndTheC1ControlsAndReadsBack() throws {
        let original = "a\u{7F}b\u{9B}c\u{85}d\u{1B}e\u{00}é"
        let json = JSONValue.array([.string(original)]).serialized()
        #expect(json == "[\"a\\u007fb\\u009bc\\u0085d\\u001be\\u0000é\"]")
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(back == [original])
    }
}

/// The TUI's cells: what a file holds is drawn as visible escapes, never as control characters
/// for curses to pass on.
@Suite struct TUIInjectionTests {
    @Test func aCellGridWritesControlCharactersAsVisibleEscapes() {
        var grid = CellGrid(width: 40, height: 1)
        let written = grid.write("a\u{1B}[2Jb\u{9B}c", row: 0, col: 0)
        #expect(grid.lines == ["a\\e[2Jb\\u009bc"])
        #expect(written == 14)
        var narrow = CellGrid(width: 5, height: 1)
        narrow.write("ab\u{1B}cd", row: 0, col: 0)
        #expect(narrow.lines == ["ab\\ec"])
    }

    @MainActor @Test func aFileNameWithControlsIsEscapedInTheOutputPane() throws {
        // As a recalled history line or a lesson's command would bring it (typed keys would be
        // taken by the line editor as escape sequences).
        let (screen, controller) = runTUI([])
        controller.execute("load A \"\(attack).npy\"")
        controller.redraw()
        // The output pane wraps at spaces: the escaped name is a word of its own, on the line
        // echoing the command and on the error's line.
        let lines = screenText(screen).split(separator: "\n")
        let escapedLines = lines.filter { $0.contains("\\e[2J\\e]0;pwned\\x07") }
        #expect(escapedLines.count >= 2, "\(lines)")
        let cells = screen.lastFrame.map { frame in (0..<frame.height).map { frame.text(row: $0) }.joined() } ?? ""
        #expect(!hasControl(cells), "\(cells)")
    }
}
