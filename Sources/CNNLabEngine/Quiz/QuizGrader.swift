/// Grades a typed answer against a question: right, wrong (naming the mistake when a known one
/// gives this answer), unreadable, or skipped.
public enum QuizGrader {
    /// How close a student's rounding of a fractional mistake (e.g. the slide's 12.33… for
    /// `(n + 2p − f + 1)/s`) must be to be recognised as that mistake.
    public static let fractionalMistakeTolerance = 0.05

    /// The grade of `text` as an answer to `q`, read in `language`'s notation. Integers compare
    /// exactly, average-pooling results within the question's tolerance (1e-9).
    public static func grade(_ q: QuizQuestion, answer text: String, language: Language) -> QuizGrade {
        if text.allSatisfy(\.isWhitespace) {
            return QuizGrade(isCorrect: false, given: nil, skipped: true, mistake: nil, expected: q.answer)
        }
        let given: ParsedAnswer
        switch AnswerParser.parse(text, language: language, expecting: q.answer.kind) {
        case .success(let a): given = a
        case .failure(let e):
            return QuizGrade(isCorrect: false, given: nil, skipped: false, problem: e, mistake: nil, expected: q.answer)
        }
        if AnswerParser.matches(given, expected: q.answer, tolerance: q.tolerance) {
            return QuizGrade(isCorrect: true, given: given, skipped: false, mistake: nil, expected: q.answer)
        }
        let mistake = q.mistakes.first { _, wrong in
            let integral = wrong.grid.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
            let tolerance = integral ? q.tolerance : max(q.tolerance, fractionalMistakeTolerance)
            return AnswerParser.matches(given, expected: wrong, tolerance: tolerance)
        }?.0
        return QuizGrade(isCorrect: false, given: given, skipped: false, mistake: mistake, expected: q.answer)
    }
}
