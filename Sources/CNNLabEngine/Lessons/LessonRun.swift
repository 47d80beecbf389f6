/// A lesson being followed on a session: the step shown and how its questions went.
public struct LessonRun: Sendable, Equatable {
    public var lesson: Lesson
    /// The step shown, from 0.
    public var step: Int
    /// Steps whose question is settled (answered right, or revealed).
    var settled: Set<Int> = []
    /// Steps whose question was answered right.
    var right: Set<Int> = []
    /// Wrong answers so far, by step.
    var attempts: [Int: Int] = [:]

    init(lesson: Lesson) {
        self.lesson = lesson
        self.step = 0
    }

    /// Wrong answers after which the answer is shown.
    static let attemptsBeforeReveal = 3

    /// The question of the step shown, if it has one.
    var question: Lesson.Question? {
        lesson.steps.indices.contains(step) ? lesson.steps[step].question : nil
    }

    /// Whether the step shown waits for an answer.
    public var awaitsAnswer: Bool { question != nil && !settled.contains(step) }

    /// Whether `given` is the accepted answer of `question`.
    static func accepts(_ question: Lesson.Question, _ given: ParsedAnswer) -> Bool {
        let values = given.grid.flatMap { $0 }
        switch question.answer {
        case .number(let d):
            guard values.count == 1, let v = values.first else { return false }
            return abs(v - d) <= max(question.tolerance, abs(d) * 1e-12)
        case .shape(let dims):
            return values == dims.map(Double.init)
        case .choice(let n):
            guard case .number(let v) = given else { return false }
            return v == Double(n)
        }
    }
}
