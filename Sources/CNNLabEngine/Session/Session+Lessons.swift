import ConvCore
import Foundation

/// `lesson`, `next`, `back`, `answer`, `hint`, `skip`: following a lesson on the session.
///
/// A step's commands run on the session as if typed, so the student's panes show their
/// results and the student can type their own commands at any step. Going back replays the
/// earlier steps quietly on an emptied workspace, so a step always shows what it showed first.
extension Session {
    func lesson(_ request: LessonRequest, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        switch request {
        case .list:
            return .lessons(lessonCatalog())
        case .open(let key):
            let lesson: Lesson
            do {
                lesson = try lessons.lesson(key).lesson
            } catch {
                throw Diagnostic(error.problem, at: range)
            }
            guard !lesson.steps.isEmpty else {
                throw Diagnostic(.activity(.lessonUnreadable(lesson.path)), at: range)
            }
            lessonRun = LessonRun(lesson: lesson)
            quizRun = nil
            resetWorkspace()
            return .lessonStep(enterStep(0))
        case .stop:
            guard let run = lessonRun else { throw Diagnostic(.activity(.noLesson), at: range) }
            lessonRun = nil
            return .lessonEnded(ending(run, finished: false))
        }
    }

    func nextStep(at range: SourceRange) throws(Diagnostic) -> CommandResult {
        guard let run = lessonRun else { throw Diagnostic(.activity(.noLesson), at: range) }
        if run.awaitsAnswer { throw Diagnostic(.activity(.questionPending), at: range) }
        guard run.step + 1 < run.lesson.steps.count else {
            lessonRun = nil
            return .lessonEnded(ending(run, finished: true))
        }
        lessonRun?.step += 1
        return .lessonStep(enterStep(run.step + 1))
    }

    func previousStep(at range: SourceRange) throws(Diagnostic) -> CommandResult {
        guard let run = lessonRun else { throw Diagnostic(.activity(.noLesson), at: range) }
        guard run.step > 0 else { throw Diagnostic(.activity(.atFirstStep), at: range) }
        let target = run.step - 1
        resetWorkspace()
        for earlier in run.lesson.steps[..<target] { _ = runCommands(of: earlier, in: run.lesson) }
        lessonRun?.step = target
        return .lessonStep(enterStep(target))
    }

    func answer(_ text: String, at range: SourceRange) throws(Diagnostic) -> CommandResult {
        if quizRun != nil { return try quizAnswer(text, at: range) }
        guard let run = lessonRun, let question = run.question, run.awaitsAnswer else {
            throw Diagnostic(.activity(.noQuestion), at: range)
        }
        guard let given = AnswerParser.answer(text, language: language) else {
            throw Diagnostic(.activity(.unreadableAnswer(text)), at: range)
        }
        let step = run.step
        if LessonRun.accepts(question, given) {
            lessonRun?.settled.insert(step)
            lessonRun?.right.insert(step)
            var progress = loadedProgress()
            progress.answeredRight(step + 1, in: run.lesson.name)
            _ = storeProgress(progress)
            return .lessonFeedback(feedback(.right, question, given: text, run: run))
        }
        let attempts = (run.attempts[step] ?? 0) + 1
        lessonRun?.attempts[step] = attempts
        if attempts >= LessonRun.attemptsBeforeReveal {
            lessonRun?.settled.insert(step)
            return .lessonFeedback(feedback(.revealed, question, given: text, run: run, attempts: attempts))
        }
        return .lessonFeedback(feedback(.wrong, question, given: text, run: run, attempts: attempts))
    }

    func skip(at range: SourceRange) throws(Diagnostic) -> CommandResult {
        if quizRun != nil { return try quizAnswer("", at: range) }
        guard let run = lessonRun else { throw Diagnostic(.activity(.noLesson), at: range) }
        guard let question = run.question, run.awaitsAnswer else { throw Diagnostic(.activity(.noQuestion), at: range) }
        lessonRun?.settled.insert(run.step)
        return .lessonFeedback(feedback(.revealed, question, given: nil, run: run, attempts: run.attempts[run.step] ?? 0))
    }

    func hint(at range: SourceRange) throws(Diagnostic) -> CommandResult {
        if quizRun != nil { throw Diagnostic(.activity(.noHintInQuiz), at: range) }
        guard let run = lessonRun else { throw Diagnostic(.activity(.noLesson), at: range) }
        guard let question = run.question, run.awaitsAnswer else { throw Diagnostic(.activity(.noQuestion), at: range) }
        return .lessonFeedback(feedback(.hint, question, given: nil, run: run, attempts: run.attempts[run.step] ?? 0))
    }

    /// Runs the commands of step `index` of the open lesson and describes the step.
    private func enterStep(_ index: Int) -> LessonStepView {
        guard let run = lessonRun, run.lesson.steps.indices.contains(index) else {
            preconditionFailure("enterStep is called with a lesson open and a valid step")
        }
        let lesson = run.lesson
        let step = lesson.steps[index]
        let outcomes = runCommands(of: step, in: lesson)
        var progress = loadedProgress()
        progress.reached(index + 1, of: lesson.steps.count, in: lesson.name)
        let notice = storeProgress(progress)
        return LessonStepView(
            lessonName: lesson.name, lessonNumber: lesson.number, title: lesson.title, index: index,
            count: lesson.steps.count, heading: step.heading,
            paragraphs: (index == 0 ? lesson.introduction : []) + step.paragraphs, outcomes: outcomes,
            question: step.question.map {
                LessonStepView.QuestionView(text: $0.text, choices: $0.choices, settled: run.settled.contains(index))
            },
            notice: notice)
    }

    /// Runs a step's commands inside the lesson's sandbox, keeping every result.
    func runCommands(of step: Lesson.Step, in lesson: Lesson) -> [LessonCommandOutcome] {
        let output = (lessonOutputDirectory ?? NSTemporaryDirectory() + "cnnlab-lesson-output") + "/" + lesson.name
        lessonSandbox = .lesson(readRoot: lesson.directory, writeRoot: output)
        defer { lessonSandbox = nil }
        return step.commands.map { command in
            var results: [Result<CommandResult, Diagnostic>] = []
            ScriptRunner.run(command.source, in: self, keepGoing: true) { results.append($0.result) }
            return LessonCommandOutcome(source: command.source, results: results)
        }
    }

    /// Empties the network, the variables and the random streams, as at start.
    func resetWorkspace() {
        _ = clear(.all)
        numpyRandom = NumpyRandom(seed: 0)
        weightSeed = 0
        model = nil
        activations = nil
    }

    private func feedback(
        _ verdict: LessonFeedback.Verdict, _ q: Lesson.Question, given: String?, run: LessonRun, attempts: Int = 0
    ) -> LessonFeedback {
        var choice: LocalizedText?
        if case .choice(let n) = q.answer, q.choices.indices.contains(n - 1) { choice = q.choices[n - 1] }
        let settled = verdict == .right || verdict == .revealed
        return LessonFeedback(
            verdict: verdict, given: given, answer: q.answer.text, choice: choice,
            hint: verdict == .right ? nil : q.hint, explanation: settled ? q.explanation : nil, attempts: attempts,
            hasNextStep: run.step + 1 < run.lesson.steps.count)
    }

    private func ending(_ run: LessonRun, finished: Bool) -> LessonEnding {
        LessonEnding(
            lessonName: run.lesson.name, title: run.lesson.title, finished: finished, right: run.right.count,
            questions: run.lesson.steps.filter { $0.question != nil }.count, notice: nil)
    }

    private func lessonCatalog() -> LessonCatalog {
        let progress = loadedProgress()
        let items = lessons.entries().compactMap { entry -> LessonCatalog.Item? in
            guard let lesson = try? LessonLibrary.read(entry).lesson else { return nil }
            return LessonCatalog.Item(
                number: lesson.number, name: lesson.name, title: lesson.title, steps: lesson.steps.count,
                questions: lesson.steps.filter { $0.question != nil }.count, progress: progress.lessons[lesson.name])
        }
        return LessonCatalog(items: items, directory: lessons.directory, notice: takeProgressNotice())
    }

    /// The stored progress, read once per session.
    private func loadedProgress() -> LessonProgress {
        if let lessonProgress { return lessonProgress }
        let loaded = lessonProgressFile?.load()
        if let aside = loaded?.setAside { pendingProgressNotice = .progressSetAside(path: aside) }
        let progress = loaded?.value ?? LessonProgress()
        lessonProgress = progress
        return progress
    }

    /// Keeps `progress` and writes it; a notice when that went wrong (or reading did before).
    private func storeProgress(_ progress: LessonProgress) -> LessonNotice? {
        lessonProgress = progress
        if let file = lessonProgressFile {
            do {
                try file.save(progress)
            } catch {
                return .progressNotSaved(reason: error.reason)
            }
        }
        return takeProgressNotice()
    }

    private func takeProgressNotice() -> LessonNotice? {
        defer { pendingProgressNotice = nil }
        return pendingProgressNotice
    }
}
