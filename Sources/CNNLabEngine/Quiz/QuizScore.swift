/// The tally of one quiz run: right, wrong and skipped answers overall, per topic and per mistake
/// recognised. Text-free: renderers show it.
public struct QuizScore: Sendable, Equatable, Codable {
    /// Counts of one group of answers.
    public struct Tally: Sendable, Equatable, Codable {
        public var right = 0
        public var wrong = 0
        public var skipped = 0

        public init(right: Int = 0, wrong: Int = 0, skipped: Int = 0) {
            self.right = right
            self.wrong = wrong
            self.skipped = skipped
        }

        /// Every question counted.
        public var total: Int { right &+ wrong &+ skipped }
    }

    public var overall = Tally()
    public var perTopic: [QuizTopic: Tally] = [:]
    /// How often each known mistake was recognised in a wrong answer.
    public var mistakes: [QuizMistake: Int] = [:]

    public init() {}

    /// Counts `grade` for `topic` (saturating, so no input can make it trap).
    public mutating func record(_ grade: QuizGrade, topic: QuizTopic) {
        func bump(_ t: inout Tally) {
            if grade.skipped {
                t.skipped = t.skipped &+ 1
            } else if grade.isCorrect {
                t.right = t.right &+ 1
            } else {
                t.wrong = t.wrong &+ 1
            }
        }
        bump(&overall)
        bump(&perTopic[topic, default: Tally()])
        if let m = grade.mistake { mistakes[m, default: 0] &+= 1 }
    }

    /// The topics answered, in `QuizTopic` order (never dictionary order).
    public var topics: [QuizTopic] {
        QuizTopic.allCases.filter { perTopic[$0] != nil }
    }
}
