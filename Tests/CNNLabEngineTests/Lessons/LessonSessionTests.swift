import CNNLabEngine
import Foundation
import Testing

/// Following a lesson with the engine's own commands: `lesson`, `next`, `back`, answers.
@Suite struct LessonSessionTests {
    func step(_ results: [CommandResult]) -> LessonStepView? {
        if case .lessonStep(let v)? = results.last { return v }
        return nil
    }

    func feedback(_ results: [CommandResult]) -> LessonFeedback? {
        if case .lessonFeedback(let f)? = results.last { return f }
        return nil
    }

    @Test func openingRunsTheFirstStepsCommands() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        let view = try #require(step(try run("lesson one-layer", in: session)))
        #expect(view.index == 0 && view.count == 3)
        #expect(view.paragraphs.first?.english == "An introduction.")
        #expect(view.outcomes.count == 1)
        #expect(session.inputDims == [6, 6, 3])
        // By number too.
        #expect(step(try run("lesson 1", in: session))?.lessonName == "one-layer")
    }

    @Test func aQuestionMustBeAnsweredBeforeGoingOn() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        try run("lesson 1; next", in: session)
        #expect(diagnostic("next", in: session)?.problem == .activity(.questionPending))
        let wrong = try #require(feedback(try run("208", in: session)))
        #expect(wrong.verdict == .wrong)
        #expect(wrong.hint?.english == "3·3·3 weights and a bias per filter.")
        #expect(wrong.explanation == nil)
        let right = try #require(feedback(try run("answer 280", in: session)))
        #expect(right.verdict == .right)
        #expect(right.explanation?.english == "(3·3·3 + 1)·10 = 280.")
        #expect(step(try run("next", in: session))?.index == 2)
    }

    @Test func answersAreReadInTheSessionsLanguage() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session(language: .ptBR)
        try run("lesson 1; next", in: session)
        #expect(feedback(try run("280,0", in: session))?.verdict == .right)
    }

    @Test func threeWrongAnswersRevealTheAnswer() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        try run("lesson 1; next; 1; 2", in: session)
        let third = try #require(feedback(try run("3", in: session)))
        #expect(third.verdict == .revealed && third.answer == "280")
        #expect(step(try run("next", in: session))?.index == 2)
    }

    @Test func choicesAreAnsweredByNumber() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        try run("lesson 1; next; skip; next", in: session)
        let right = try #require(feedback(try run("1", in: session)))
        #expect(right.verdict == .right && right.choice?.english == "4×4×10")
    }

    @Test func goingBackShowsTheEarlierStepOnTheWorkspaceItHad() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        try run("lesson 1; next; skip; let Mine = ones(2, 2)", in: session)
        #expect(session.layers.count == 1)
        let back = try #require(step(try run("back", in: session)))
        #expect(back.index == 0)
        #expect(session.layers.isEmpty && session.inputDims == [6, 6, 3])
        #expect(session.variables["Mine"] == nil)
        #expect(diagnostic("back", in: session)?.problem == .activity(.atFirstStep))
    }

    @Test func theLastNextEndsTheLessonWithTheScore() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        let session = folder.session()
        let results = try run("lesson 1; next; 280; next; 1; next", in: session)
        guard case .lessonEnded(let ending)? = results.last else { Issue.record("no ending"); return }
        #expect(ending.finished && ending.right == 2 && ending.questions == 2)
        #expect(diagnostic("next", in: session)?.problem == .activity(.noLesson))
    }

    @Test func progressIsKeptBetweenSessions() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        try run("lesson 1; next; 280", in: folder.session())
        guard case .lessons(let catalog)? = try run("lesson", in: folder.session()).last else { Issue.record("no list"); return }
        #expect(catalog.items.first?.progress == LessonProgress.Entry(lastStep: 2, steps: 3, answeredRight: [2]))
    }

    @Test func aCorruptProgressFileIsSetAsideAndReported() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder.path + "/data/lesson-progress.json"))
        guard case .lessons(let catalog)? = try run("lesson", in: folder.session()).last else { Issue.record("no list"); return }
        guard case .progressSetAside(let aside)? = catalog.notice else { Issue.record("no notice"); return }
        #expect(FileManager.default.contents(atPath: aside) == Data("{not json".utf8))
        #expect(catalog.items.count == 1)
    }

    @Test func unknownLessonsSuggestTheClosestName() throws {
        let folder = try LessonFolder(["01-one-layer.lesson": sampleLesson])
        #expect(diagnostic("lesson one-layr", in: folder.session())?.problem == .activity(.lessonNotFound("one-layr", suggestion: "one-layer")))
    }

    @Test func withoutALessonAnswersAndStepsAreErrors() {
        #expect(diagnostic("280")?.problem == .activity(.noQuestion))
        #expect(diagnostic("next")?.problem == .activity(.noLesson))
    }

    @Test func aLessonReadsOnlyBesideItAndWritesOnlyUnderItsOutput() throws {
        let lesson = "# T\npt: T\n## S\npt: S\n> load X \"../x.npy\"\n> save ones(2) \"/tmp/cnnlab-escape.npy\"\n> save ones(2) \"ok.npy\"\n> lesson 1\n"
        let folder = try LessonFolder(["01-t.lesson": lesson])
        let view = try #require(step(try run("lesson 1", in: folder.session())))
        let problems = view.outcomes.map { outcome -> Problem? in
            if case .failure(let d)? = outcome.results.first { return d.problem }
            return nil
        }
        #expect(problems[0] == .fileOutsideLesson("../x.npy", folder: folder.path, writing: false))
        if case .fileOutsideLesson(_, _, true)? = problems[1] {} else { Issue.record("absolute write allowed: \(String(describing: problems[1]))") }
        #expect(problems[2] == nil)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/data/lesson-output/t/ok.npy"))
        #expect(problems[3] == .activity(.notInsideLesson("lesson")))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cnnlab-escape.npy"))
    }
}

/// cnnlab finds its lessons from wherever it is started: beside the binary, in
/// `../share/cnnlab/` from it, in a folder above it, or in the current directory.
@Suite struct LessonLocationTests {
    @Test(arguments: ["bin/Lessons", "share/cnnlab/Lessons", "Lessons"])
    func lessonsAreFoundFromTheBinary(_ place: String) throws {
        let root = NSTemporaryDirectory() + "cnnlab-locate-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/bin/.build", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/" + place, withIntermediateDirectories: true)
        try Data(sampleLesson.utf8).write(to: URL(fileURLWithPath: root + "/" + place + "/01-one-layer.lesson"))
        let found = LessonLibrary.locate(executable: root + "/bin/cnnlab", currentDirectory: "/")
        #expect(found.map { ($0 as NSString).standardizingPath } == (root + "/" + place as NSString).standardizingPath)
    }

    @Test func noLessonsAnywhereIsNil() {
        #expect(LessonLibrary.locate(executable: "/nonexistent/bin/cnnlab", currentDirectory: "/nonexistent") == nil)
    }
}
