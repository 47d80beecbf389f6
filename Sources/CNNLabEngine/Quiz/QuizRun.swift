/// A quiz being taken on a session: its questions, the one asked, and the score so far.
public struct QuizRun: Sendable, Equatable {
    public var items: [QuizItem]
    /// The question asked now, from 0 (`items.count` once all are answered).
    public var index = 0
    public var score = QuizScore()
    /// Right, wrong and skipped answers to a teacher's questions (they have no topic).
    public var fixed = QuizScore.Tally()
    /// The seed the questions were made from (nil for a file's questions).
    public var seed: UInt64?

    init(items: [QuizItem], seed: UInt64?) {
        self.items = items
        self.seed = seed
    }

    /// The question asked now.
    var current: QuizItem? { items.indices.contains(index) ? items[index] : nil }
}

/// A question as asked: its number, the count, and the question.
public struct QuizQuestionView: Sendable, Equatable {
    /// From 0.
    public var index: Int
    public var count: Int
    public var item: QuizItem
}

/// What came of one answer: the grade, the question it answered (for the derivation and the
/// mistake), and what follows: the next question or, after the last, the score.
public struct QuizFeedback: Sendable, Equatable {
    public var question: QuizQuestionView
    /// How the answer went.
    public var verdict: Verdict
    /// The answer as typed (nil when skipped).
    public var given: String?
    /// The right answer, as the quiz writes it (`7,600` is written `7600`; choices by number).
    public var answer: String
    /// The known mistake the wrong answer matches.
    public var mistake: QuizMistake?
    public var next: QuizQuestionView?
    public var summary: QuizSummary?

    public enum Verdict: String, Sendable, Equatable {
        case right, wrong, skipped
    }
}

/// The end of a quiz: the score overall and by topic, and what the saved scores said.
public struct QuizSummary: Sendable, Equatable {
    public var score: QuizScore
    /// The teacher's questions' tally (all zero for a generated quiz).
    public var fixed: QuizScore.Tally
    /// Questions asked (answered or not).
    public var asked: Int
    public var count: Int
    /// Whether it ended before the last question (`quiz stop`).
    public var stopped: Bool
    /// A problem with the saved scores (a corrupt file set aside, a failed write).
    public var notice: String?

    /// Right answers over all questions.
    public var right: Int { score.overall.right &+ fixed.right }
}
