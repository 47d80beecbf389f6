import CNNLabEngine
import Foundation
import Testing

/// Taking a quiz with the engine's own commands: `quiz`, answers, `skip`, `quiz stop`, `quiz stats`.
@Suite struct QuizSessionTests {
    func feedback(_ results: [CommandResult]) -> QuizFeedback? {
        if case .quizFeedback(let f)? = results.last { return f }
        return nil
    }

    /// The right answer of the question asked now, as a student would type it.
    func rightAnswer(_ view: QuizQuestionView?) -> String {
        guard case .generated(let q)? = view?.item else { return "" }
        return q.answer.description.replacingOccurrences(of: "×", with: "x")
    }

    func firstQuestion(_ results: [CommandResult]) -> QuizQuestionView? {
        if case .quizQuestion(let q)? = results.last { return q }
        return nil
    }

    @Test func rightAnswersScoreFullMarksAndTheSameSeedGivesTheSameQuiz() throws {
        let session = Session()
        var view = firstQuestion(try run("quiz count=40 seed=11", in: session))
        let texts = (try Session().makeQuiz(QuizOptions(count: 40, seed: 11))).map(\.text)
        var asked: [LocalizedText] = []
        var last: QuizFeedback?
        while let current = view {
            asked.append(current.item.text)
            last = try #require(feedback(try run("answer " + rightAnswer(current), in: session)))
            #expect(last?.verdict == .right, "\(current.item.text.english) → \(rightAnswer(current))")
            view = last?.next
        }
        #expect(asked == texts)
        #expect(last?.summary?.right == 40 && last?.summary?.count == 40)
    }

    @Test func aWrongAnswerNamesTheMistakeItMatches() throws {
        let session = Session()
        try run("quiz count=5 seed=2 topic=conv-params", in: session)
        // Find a question whose wrong answers the engine knows, and answer with one of them.
        var named = 0
        for _ in 0..<5 {
            guard case .generated(let q)? = session.quizRun?.items[session.quizRun?.index ?? 0] else { break }
            if let (mistake, wrong) = q.mistakes.first {
                let f = try #require(feedback(try run("answer " + wrong.description.replacingOccurrences(of: "×", with: "x"), in: session)))
                #expect(f.verdict == .wrong && f.mistake == mistake)
                named += 1
            } else {
                try run("skip", in: session)
            }
        }
        #expect(named > 0)
    }

    @Test func theLecturesQuizKeyMistakesAreNamed() throws {
        // 100 filters of 5×5 on an RGB image: 7,600; the circulated key's 2,600 forgets the channels.
        let q = try #require(QuizGenerator.convParamsQuestion(input: [32, 32, 3], filters: 100, f: 5, bias: true))
        let grade = QuizGrader.grade(q, answer: "2,600", language: .en)
        #expect(grade.mistake == .inputChannelsForgotten)
        #expect(QuizGrader.grade(q, answer: "7.600", language: .ptBR).isCorrect)
    }

    @Test func skippedAndUnreadableAnswers() throws {
        let session = Session()
        try run("quiz count=2 seed=5", in: session)
        #expect(diagnostic("answer 4x", in: session)?.problem == .activity(.unreadableAnswer("4x")))
        #expect(feedback(try run("skip", in: session))?.verdict == .skipped)
        #expect(diagnostic("hint", in: session)?.problem == .activity(.noHintInQuiz))
        guard case .quizEnded(let summary)? = try run("quiz stop", in: session).last else { Issue.record("no end"); return }
        #expect(summary.stopped && summary.asked == 1 && summary.score.overall.skipped == 1)
        #expect(diagnostic("quiz stop", in: session)?.problem == .activity(.noQuiz))
    }

    @Test func scoresAreKeptAndShownByQuizStats() throws {
        let folder = NSTemporaryDirectory() + "cnnlab-quiz-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = Session()
        session.quizStatsFile = QuizStatsStore(path: folder + "/quiz-stats.json")
        try run("quiz count=2 seed=1 topic=pool-params", in: session)
        try run("0; 5", in: session)
        guard case .quizStats(let stats, nil)? = try run("quiz stats", in: session).last else { Issue.record("no stats"); return }
        #expect(stats.history[.poolParams]?.first?.right == 1 && stats.history[.poolParams]?.first?.total == 2)
    }

    @Test func aTeachersQuestionsComeFromALessonFile() throws {
        let folder = NSTemporaryDirectory() + "cnnlab-quiz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "# Test\npt: Teste\n## One\npt: Um\n? Parameters of 10 filters 3×3×3?\npt: Parâmetros?\nanswer: 280\ncheck: params 1\n\n## Two\npt: Dois\n? Which?\npt: Qual?\nchoice: a\npt: a\nchoice: b\npt: b\nanswer: 2\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/t.lesson"))
        let session = Session(workingDirectory: folder)
        try run("quiz from \"t.lesson\"", in: session)
        #expect(feedback(try run("280", in: session))?.verdict == .right)
        let last = try #require(feedback(try run("1", in: session)))
        #expect(last.verdict == .wrong && last.summary?.right == 1 && last.summary?.fixed.total == 2)
    }

    @Test func unknownTopicsAndCountsAreLocatedErrors() {
        #expect(diagnostic("quiz topic=conv-param")?.problem == .activity(.unknownTopic("conv-param", suggestion: "conv-params")))
        #expect(diagnostic("quiz count=0")?.range?.column == 12)
    }
}
