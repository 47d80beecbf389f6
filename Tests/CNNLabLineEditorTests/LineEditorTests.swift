import Foundation
import Testing
@testable import CNNLabLineEditor

@Test func linksGNUReadline8() { #expect(LineEditor.libraryVersion >= 0x0800) }

/// A fresh directory for one test's history file.
func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnlab-le-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Readline is one global library: these tests take turns.
@Suite(.serialized) struct LineEditorTests {
    @Test func historyFileIsCreatedPrivateWithItsDirectories() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/data/cnnlab/history"
        _ = LineEditor(historyFile: file)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func historySkipsBlankLinesAndImmediateDuplicates() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let editor = LineEditor(historyFile: dir + "/history")
        for line in ["input 39x39x3", "", "   ", "conv 10 f=3", "conv 10 f=3", "summary", "conv 10 f=3"] {
            editor.addHistory(line)
        }
        #expect(editor.historyEntries == ["input 39x39x3", "conv 10 f=3", "summary", "conv 10 f=3"])
        let saved = try String(contentsOfFile: dir + "/history", encoding: .utf8)
        #expect(saved == "input 39x39x3\nconv 10 f=3\nsummary\nconv 10 f=3\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/history")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func historySurvivesARestartAndKeepsTheNewestEntries() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = LineEditor(historyFile: dir + "/history", historyLimit: 3)
        for i in 1...5 { first.addHistory("seed \(i)") }
        #expect(first.historyEntries == ["seed 3", "seed 4", "seed 5"])
        let second = LineEditor(historyFile: dir + "/history", historyLimit: 3)
        #expect(second.historyEntries == ["seed 3", "seed 4", "seed 5"])
        let saved = try String(contentsOfFile: dir + "/history", encoding: .utf8)
        #expect(saved == "seed 3\nseed 4\nseed 5\n")
    }

    /// Issue 14: a history file others could read stays private.
    @Test func anExistingHistoryFileOthersCanReadIsMadePrivate() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/history"
        try Data("summary\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o666)
        let editor = LineEditor(historyFile: file)
        #expect(editor.historyEntries == ["summary"])
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// Issue 14: a history file that is a symbolic link is neither read nor written through.
    @Test func aSymbolicLinkAsTheHistoryFileIsNotFollowed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/thesis.txt"
        try Data("my thesis\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: dir + "/history", withDestinationPath: target)
        let editor = LineEditor(historyFile: dir + "/history")
        #expect(editor.historyEntries.isEmpty)
        editor.addHistory("summary")
        #expect(editor.historyEntries == ["summary"])  // kept in memory
        #expect((try? String(contentsOfFile: target, encoding: .utf8)) == "my thesis\n")
        let kind = try FileManager.default.attributesOfItem(atPath: dir + "/history")[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
    }

    /// Issue 14: history that cannot be kept in its folder stays in memory.
    @Test func aDataFolderThatCannotBeMadeKeepsHistoryInMemory() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data().write(to: URL(fileURLWithPath: dir + "/file"))
        let editor = LineEditor(historyFile: dir + "/file/cnnlab/history")  // a folder under a file
        editor.addHistory("summary")
        #expect(editor.historyEntries == ["summary"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/file/cnnlab"))
    }

    @Test func theEditorSaysWhyTheHistoryFileIsNotUsed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data().write(to: URL(fileURLWithPath: dir + "/file"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/file")
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: true)
        #expect(LineEditor(historyFile: dir + "/link").historyProblem == .symbolicLink(path: dir + "/link"))
        #expect(LineEditor(historyFile: dir + "/folder").historyProblem == .notAPrivateFile(path: dir + "/folder"))
        let underAFile = LineEditor(historyFile: dir + "/file/cnnlab/history").historyProblem
        #expect(underAFile == .unavailable(path: dir + "/file/cnnlab/history", reason: "Not a directory"))
        #expect(LineEditor(historyFile: dir + "/history").historyProblem == nil)
        #expect(LineEditor(historyFile: nil).historyProblem == nil)
    }

    @Test func aHistoryFileLongerThanTheLimitIsCutWhenRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data((1...5).map { "seed \($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: dir + "/history"))
        let editor = LineEditor(historyFile: dir + "/history", historyLimit: 2)
        #expect(editor.historyEntries == ["seed 4", "seed 5"])
        let saved = try String(contentsOfFile: dir + "/history", encoding: .utf8)
        #expect(saved == "seed 4\nseed 5\n")
    }

    @Test func withoutAFileHistoryStaysInMemory() {
        let editor = LineEditor(historyFile: nil)
        editor.addHistory("summary")
        #expect(editor.historyEntries == ["summary"])
    }

    // MARK: Callback mode

    /// An editor in callback mode that records what it reports.
    final class Fed {
        let editor: LineEditor
        var inputs: [LineEditor.Input] = []

        init(history: [String] = []) {
            editor = LineEditor(historyFile: nil)
            history.forEach(editor.addHistory)
            editor.beginCallback(prompt: "cnnlab> ") { [unowned self] in self.inputs.append($0) }
        }

        func type(_ text: String) { text.utf8.forEach(editor.feed) }
        deinit { editor.endCallback() }
    }

    @Test func callbackModeDeliversFinishedLines() {
        let fed = Fed()
        fed.type("conv 10 f=3")
        #expect(fed.editor.buffer == "conv 10 f=3")
        #expect(fed.editor.cursor == 11)
        #expect(fed.inputs.isEmpty)
        fed.type("\r")
        #expect(fed.inputs == [.line("conv 10 f=3")])
        #expect(fed.editor.buffer == "")
        fed.type("summary\r")
        #expect(fed.inputs == [.line("conv 10 f=3"), .line("summary")])
    }

    @Test func callbackModeCountsTheCursorInCharacters() {
        let fed = Fed()
        fed.type("show 37×37")
        fed.type("\u{1B}[D\u{1B}[D")  // two left arrows
        #expect(fed.editor.buffer == "show 37×37")
        #expect(fed.editor.cursor == 8)
    }

    @Test func callbackModeRecallsHistoryWithTheUpArrow() {
        let fed = Fed(history: ["input 39x39x3", "conv 10 f=3"])
        fed.type("\u{1B}[A")
        #expect(fed.editor.buffer == "conv 10 f=3")
        fed.type("\u{1B}[A")
        #expect(fed.editor.buffer == "input 39x39x3")
        fed.type("\r")
        #expect(fed.inputs == [.line("input 39x39x3")])
    }

    @Test func callbackModeCtrlCDiscardsTheLine() {
        let fed = Fed()
        fed.type("conv 10")
        fed.editor.feed(0x03)
        #expect(fed.inputs == [.interrupted])
        #expect(fed.editor.buffer == "")
        #expect(fed.editor.cursor == 0)
        fed.type("summary\r")
        #expect(fed.inputs == [.interrupted, .line("summary")])
    }

    @Test func callbackModeCtrlDOnAnEmptyLineIsEndOfFile() {
        let fed = Fed()
        fed.type("ab")
        fed.editor.feed(0x04)  // deletes nothing at the end of a non-empty line
        #expect(fed.inputs.isEmpty)
        fed.editor.feed(0x15)  // Ctrl-U: kill the line
        fed.editor.feed(0x04)
        #expect(fed.inputs == [.endOfFile])
    }

    @Test func callbackModeCompletesWithTheCompleter() {
        let fed = Fed()
        var asked: [String] = []
        fed.editor.completer = { line, start, word in
            asked.append("\(line)|\(start)|\(word)")
            return ["summary", "sum_all"].filter { $0.hasPrefix(word) }
        }
        var listed: [[String]] = []
        fed.editor.listMatches = { listed.append($0) }
        fed.type("input 3x3x1; su\t")
        #expect(asked == ["input 3x3x1; su|13|su"])
        #expect(fed.editor.buffer == "input 3x3x1; sum")
        fed.type("\t\t")
        #expect(listed.last == ["sum_all", "summary"])
        fed.type("m\t")
        #expect(fed.editor.buffer == "input 3x3x1; summary ")
    }

    @Test func noCandidatesMeansNoFilenameCompletion() {
        let fed = Fed()
        fed.editor.completer = { _, _, _ in [] }
        fed.type("show P\t")
        #expect(fed.editor.buffer == "show P")
    }
}
