import Foundation

/// `quiz`: generated questions on parameter counts and shapes (or a teacher's, from a lesson
/// file), graded one by one with the derivation of the right answer and the mistake a wrong
/// one matches; the scores are kept between runs and weigh the next quiz's topics.
extension Session {
    func quiz(_ request: QuizRequest, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        switch request {
        case .start(let options):
            let items = try makeQuiz(options, at: range)
            guard !items.isEmpty else {
                throw Diagnostic(.activity(.noQuestionsInFile(options.file ?? "")), at: range)
            }
            lessonRun = nil
            quizRun = QuizRun(items: items, seed: options.file == nil ? options.seed : nil)
            return .quizQuestion(QuizQuestionView(index: 0, count: items.count, item: items[0]))
        case .stats:
            let (stats, problem) = (quizStatsFile ?? QuizStatsStore(path: "")).loadIfKept(language: language)
            return .quizStats(stats, notice: problem)
        case .topics:
            return .quizTopics(QuizTopic.allCases)
        case .stop:
            guard let run = quizRun else { throw Diagnostic(.activity(.noQuiz), at: range) }
            return .quizEnded(finishQuiz(run, stopped: true))
        }
    }

    /// Grades `text` (blank: skipped) as the answer to the quiz's current question.
    func quizAnswer(_ text: String, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        guard var run = quizRun, let item = run.current else { throw Diagnostic(.activity(.noQuestion), at: range) }
        let skipped = text.allSatisfy(\.isWhitespace)
        let verdict: QuizFeedback.Verdict
        let answer: String
        var mistake: QuizMistake?
        switch item {
        case .generated(let q):
            let grade = QuizGrader.grade(q, answer: text, language: language)
            if grade.problem != nil { throw Diagnostic(.activity(.unreadableAnswer(text)), at: range) }
            run.score.record(grade, topic: q.topic)
            verdict = grade.skipped ? .skipped : grade.isCorrect ? .right : .wrong
            mistake = grade.mistake
            answer = q.answer.description
        case .fixed(let q):
            answer = q.answer.text
            if skipped {
                verdict = .skipped
                run.fixed.skipped &+= 1
            } else {
                guard let given = AnswerParser.answer(text, language: language) else {
                    throw Diagnostic(.activity(.unreadableAnswer(text)), at: range)
                }
                verdict = LessonRun.accepts(q, given) ? .right : .wrong
                if verdict == .right { run.fixed.right &+= 1 } else { run.fixed.wrong &+= 1 }
            }
        }
        let asked = QuizQuestionView(index: run.index, count: run.items.count, item: item)
        run.index += 1
        quizRun = run
        var feedback = QuizFeedback(
            question: asked, verdict: verdict, given: skipped ? nil : text, answer: answer, mistake: mistake, next: nil,
            summary: nil)
        if let next = run.current {
            feedback.next = QuizQuestionView(index: run.index, count: run.items.count, item: next)
        } else {
            feedback.summary = finishQuiz(run, stopped: false)
        }
        return .quizFeedback(feedback)
    }

    /// The questions `options` ask for, without starting a quiz (`cnnlab quiz --json` prints
    /// them for a teacher's test or a script).
    public func makeQuiz(_ options: QuizOptions, at range: SourceRange? = nil) throws(Diagnostic) -> [QuizItem] {
        let range = range ?? SourceRange(line: 1, column: 1, length: 1)
        if let file = options.file {
            let bytes = try FileStore.read(file, access: fileAccess, limit: ScriptRunner.maxScriptBytes, at: range)
            let directory = ((fileAccess.readable(file) ?? file) as NSString).deletingLastPathComponent
            let lesson = LessonParser.parse(String(decoding: bytes, as: UTF8.self), path: file, directory: directory).lesson
            return lesson.steps.compactMap(\.question).map(QuizItem.fixed)
        }
        let seed = options.seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
        // A given seed makes the quiz reproducible: the history does not weigh it then.
        let weights = options.seed == nil ? (quizStatsFile?.loadIfKept(language: language).stats.weights() ?? [:]) : [:]
        return QuizGenerator.questions(count: options.count, seed: seed, topics: options.topics, weights: weights)
            .map(QuizItem.generated)
    }

    /// Ends the quiz: the summary, with the score added to the kept history.
    private func finishQuiz(_ run: QuizRun, stopped: Bool) -> QuizSummary {
        quizRun = nil
        var summary = QuizSummary(
            score: run.score, fixed: run.fixed, asked: run.index, count: run.items.count, stopped: stopped, notice: nil)
        guard let store = quizStatsFile, run.score.overall.total > 0 else { return summary }
        var (stats, problem) = store.load(language: language)
        stats.add(run.score, date: Date())
        do {
            try store.save(stats)
        } catch {
            problem = language.pick("quiz scores not saved: \(error.reason)", "pontuação do quiz não salva: \(error.reason)")
        }
        summary.notice = problem
        return summary
    }
}

extension QuizStatsStore {
    /// `load`, or empty stats for a store with no path (scores not kept).
    func loadIfKept(language: Language) -> (stats: QuizStats, problem: String?) {
        path.isEmpty ? (QuizStats(), nil) : load(language: language)
    }
}
