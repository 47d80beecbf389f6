import CNNLabEngine
import CNNLabTerminal
import Foundation
import Testing

/// `lesson --check`: the shipped lessons pass, and each kind of mistake in a lesson fails
/// with the file and the line.
@Suite struct LessonCheckTests {
    static let checker = LessonCheckRunner.checker(outputDirectory: NSTemporaryDirectory() + "cnnlab-check-tests")

    /// The problems of one lesson file with `text`.
    func problems(_ text: String, extra: [String: String] = [:]) throws -> [LessonProblem] {
        let folder = NSTemporaryDirectory() + "cnnlab-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, body) in extra.merging(["01-t.lesson": text], uniquingKeysWith: { $1 }) {
            try Data(body.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let entries = LessonLibrary(directory: folder).entries()
        return entries.flatMap { Self.checker.check($0) }
    }

    static let shipped = LessonLibrary(directory: repositoryLessons).entries()

    @Test func thereAreAtLeastEightLessons() {
        #expect(Self.shipped.filter { $0.number.map { $0 >= 1 } ?? false }.count >= 8)
    }

    @Test(arguments: shipped.map(\.name))
    func shippedLessonPassesTheCheck(_ name: String) throws {
        let entry = try #require(Self.shipped.first { $0.name == name })
        let found = Self.checker.check(entry)
        #expect(found.isEmpty, "\(found.map { $0.description(in: .en) })")
    }

    let good = "# T\npt: T\n## S\npt: S\n> input 6x6x3\n> conv 10 f=3\n"

    @Test func aWrongExpectedOutputIsLocated() throws {
        let found = try problems(good + "= layer 1  conv 10 f=3 s=1 p=0  6×6×3 → 4×4×10  params 270\n")
        #expect(found.map(\.line) == [7])
        #expect(found.first?.kind == .outputDiffers(
            expected: "layer 1  conv 10 f=3 s=1 p=0  6×6×3 → 4×4×10  params 270",
            actual: "layer 1  conv 10 f=3 s=1 p=0  6×6×3 → 4×4×10  params 280", language: .en))
    }

    @Test func anOutputWithMoreLinesThanExpectedFailsUnlessItSaysSo() throws {
        let failing = try problems(good + "> explain 1\n= layer 1  conv 10 f=3 s=1 p=0  6×6×3 → 4×4×10  params 280\n")
        #expect(failing.map(\.line) == [8])
        let passing = try problems(good + "> explain 1\n= layer 1  conv 10 f=3 s=1 p=0  6×6×3 → 4×4×10  params 280\n= ...\n")
        #expect(passing.isEmpty)
    }

    @Test func aWrongAcceptedAnswerIsLocated() throws {
        let found = try problems(good + "? Q\npt: P\nanswer: 270\ncheck: params 1\n")
        #expect(found == [LessonProblem(path: found.first?.path ?? "", line: 10, .answerDisagrees(answer: "270", computed: "280"))])
    }

    @Test func aShapeAnswerIsCheckedToo() throws {
        #expect(try problems(good + "? Q\npt: P\nanswer: 4x4x10\ncheck: shape 1\n").isEmpty)
        #expect(try problems(good + "? Q\npt: P\nanswer: 4x4x1\ncheck: shape 1\n").map(\.line) == [10])
    }

    @Test func aMissingTranslationIsLocated() throws {
        let found = try problems(good + "Narration without its Portuguese.\n")
        #expect(found.map(\.line) == [7])
        #expect(found.first?.kind == .missingTranslation("the paragraph"))
    }

    @Test func aBadCommandIsLocated() throws {
        let found = try problems(good + "> cnv 3\n")
        #expect(found.map(\.line) == [7])
        guard case .commandFailed(let command, let message, _)? = found.first?.kind else { Issue.record("\(found)"); return }
        #expect(command == "cnv 3" && message == "unknown command 'cnv'")
    }

    @Test func aReadOutsideTheLessonsFolderIsLocated() throws {
        let found = try problems(good + "> load X \"../secret.npy\"\n> image \"/etc/passwd\"\n")
        #expect(found.map(\.line) == [7, 8])
        #expect(found.allSatisfy { if case .commandFailed = $0.kind { return true } else { return false } })
    }

    @Test func aFileBesideTheLessonCanBeRead() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryLessons + "/china.png"))
        let folder = NSTemporaryDirectory() + "cnnlab-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try data.write(to: URL(fileURLWithPath: folder + "/pic.png"))
        try Data((good + "> image \"pic.png\" gray\n").utf8).write(to: URL(fileURLWithPath: folder + "/01-t.lesson"))
        #expect(LessonLibrary(directory: folder).entries().flatMap { Self.checker.check($0) }.isEmpty)
    }
}

/// The command words in the parser, the help catalogue and the completer agree, so adding a
/// command cannot leave one of them behind.
@Suite struct VocabularyAgreementTests {
    @Test func everyCommandWordParsesAsACommand() {
        for word in Vocabulary.commands + Vocabulary.aliases.keys {
            let lexed = Lexer.statements(in: word)
            do {
                _ = try Parser.parse(lexed[0])
            } catch {
                if case .unknownCommand = error.problem { Issue.record("\(word) is in the vocabulary but the parser does not know it") }
            }
        }
    }

    @Test func aWordOutsideTheVocabularyIsNeverACommand() {
        for word in ["demos", "lessons", "nxt", "quiz2"] {
            let lexed = Lexer.statements(in: word)
            #expect(throws: Diagnostic.self) { try Parser.parse(lexed[0]) }
        }
    }

    @Test func everyCommandHasHelp() {
        for word in Vocabulary.commands {
            #expect(HelpCatalog.page(for: word) != nil, "no help for \(word)")
        }
    }

    @Test func theCompleterOffersEveryCommandAtTheStartOfALine() {
        let offered = ReplCompleter(variables: [], workingDirectory: "/").candidates(line: "", wordStart: 0, word: "")
        #expect(Set(offered) == Set(Vocabulary.commands + Vocabulary.aliases.keys))
    }

    @Test func theCompleterOffersLessonNamesAfterLesson() {
        let completer = ReplCompleter(variables: [], workingDirectory: "/", lessons: ["one-layer", "pooling"])
        #expect(completer.candidates(line: "lesson po", wordStart: 7, word: "po") == ["pooling"])
    }
}

/// Text from a lesson file never reaches the terminal as control sequences.
@Suite struct LessonTextIsEscapedTests {
    @Test func controlCharactersAreShownVisibly() {
        #expect(VisibleText.escaped("a\u{1B}]52;c;SGVsbG8=\u{07}b\u{9B}2J") == "a\\e]52;c;SGVsbG8=\\x07b\\u009b2J")
    }

    @Test func aLessonsNarrationAndCommandsAreEscapedWhenPrinted() throws {
        let folder = NSTemporaryDirectory() + "cnnlab-escape-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("# T\u{1B}[2J\npt: T\n## S\npt: S\nHi \u{1B}]0;owned\u{07}\npt: Oi\n> cnv \u{1B}[31m\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/01-t.lesson"))
        let session = Session()
        session.lessons = LessonLibrary(directory: folder)
        var text = ""
        ScriptRunner.run("lesson 1", in: session, keepGoing: true) { outcome in
            if case .success(let r) = outcome.result { text += ResultRenderer.render(r, language: .en) }
        }
        #expect(text.contains("Hi \\e]0;owned\\x07"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"), "\(text)")
    }
}
