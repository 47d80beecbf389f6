import Foundation

/// Runs every step of a lesson headlessly, in English and in pt-BR, and reports what is
/// wrong with the file and line to fix: `lesson --check`.
///
/// It fails a lesson on a problem of the file itself (a missing translation, a malformed
/// answer, ...), a command that fails, an output that differs from its `=` lines, and an
/// accepted answer that disagrees with what the engine computes for its `check:`.
public struct LessonChecker: Sendable {
    /// The text a result prints in a language (batch mode's plain rendering).
    public var render: @Sendable (CommandResult, Language) -> String
    /// The text of a failed command's diagnostic in a language.
    public var message: @Sendable (Diagnostic, Language) -> String
    /// Where the lessons' writes go while checking.
    public var outputDirectory: String

    public init(
        outputDirectory: String, render: @escaping @Sendable (CommandResult, Language) -> String,
        message: @escaping @Sendable (Diagnostic, Language) -> String
    ) {
        self.outputDirectory = outputDirectory
        self.render = render
        self.message = message
    }

    /// Every problem of the lesson in `entry`, in line order.
    public func check(_ entry: LessonLibrary.Entry) -> [LessonProblem] {
        let read: (lesson: Lesson, problems: [LessonProblem])
        do {
            read = try LessonLibrary.read(entry)
        } catch {
            return [LessonProblem(path: entry.path, line: 1, .checkFailed(error.message(in: .en)))]
        }
        var problems = read.problems
        for language in Language.allCases {
            problems += run(read.lesson, in: language)
        }
        return problems.sorted { $0.line < $1.line }
    }

    /// Runs the lesson's steps on a fresh session in `language`.
    private func run(_ lesson: Lesson, in language: Language) -> [LessonProblem] {
        let session = Session()
        session.language = language
        session.workingDirectory = lesson.directory
        session.lessonOutputDirectory = outputDirectory
        var problems: [LessonProblem] = []
        func report(_ line: Int, _ kind: LessonProblem.Kind) {
            problems.append(LessonProblem(path: lesson.path, line: line, kind))
        }
        for step in lesson.steps {
            let outcomes = session.runCommands(of: step, in: lesson)
            for (command, outcome) in zip(step.commands, outcomes) {
                var text = ""
                for result in outcome.results {
                    switch result {
                    case .success(let r): text += render(r, language)
                    case .failure(let d):
                        if language == .en {
                            report(command.line, .commandFailed(command: command.source, message: message(d, language), language: language))
                        }
                    }
                }
                if let expected = command.expected[language], let difference = Self.difference(expected, text) {
                    report(expected.line, .outputDiffers(expected: difference.expected, actual: difference.actual, language: language))
                }
            }
            if language == .en, let question = step.question, let query = question.check {
                do {
                    let computed = try query.evaluate(on: session)
                    if !LessonRun.accepts(question, computed.parsed) {
                        report(question.checkLine ?? question.line, .answerDisagrees(answer: question.answer.text, computed: computed.text))
                    }
                } catch {
                    report(question.checkLine ?? question.line, .checkFailed(message(error, language)))
                }
            }
        }
        return problems
    }

    /// The first line where `text` departs from `expected`, or nil when it matches.
    static func difference(_ expected: Lesson.ExpectedOutput, _ text: String) -> (expected: String?, actual: String?)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingSpaces }
        if lines.last == "" { lines.removeLast() }
        let want = expected.lines.map(\.trimmingTrailingSpaces)
        for (i, line) in want.enumerated() {
            guard i < lines.count else { return (line, nil) }
            if lines[i] != line { return (line, lines[i]) }
        }
        if !expected.allowsMore, lines.count > want.count { return (nil, lines[want.count]) }
        return nil
    }
}

extension LessonAnswer {
    /// The value as a typed answer, for comparing with an accepted one.
    var parsed: ParsedAnswer {
        switch self {
        case .number(let d): return .number(d)
        case .shape(let dims): return .shape(dims)
        case .choice(let n): return .number(Double(n))
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
