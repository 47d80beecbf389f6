/// The verdict on one typed answer.
public struct QuizGrade: Sendable, Equatable {
    /// The answer matches the right one.
    public var isCorrect: Bool
    /// What was read; nil when the answer was blank (skipped) or could not be read.
    public var given: ParsedAnswer?
    /// The answer was blank.
    public var skipped: Bool
    /// Why the answer could not be read (nil when it was read, or skipped).
    public var problem: AnswerParseError?
    /// The known mistake that gives exactly this wrong answer, if any.
    public var mistake: QuizMistake?
    /// The right answer, for the front end to show.
    public var expected: QuizAnswer

    public init(
        isCorrect: Bool, given: ParsedAnswer?, skipped: Bool, problem: AnswerParseError? = nil, mistake: QuizMistake?,
        expected: QuizAnswer
    ) {
        self.isCorrect = isCorrect
        self.given = given
        self.skipped = skipped
        self.problem = problem
        self.mistake = mistake
        self.expected = expected
    }
}
