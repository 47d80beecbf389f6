extension QuizQuestion: Equatable {
    /// Two questions are equal when everything in them is (the mistakes compared pair by pair).
    public static func == (a: QuizQuestion, b: QuizQuestion) -> Bool {
        a.topic == b.topic && a.text == b.text && a.params == b.params && a.answer == b.answer
            && a.tolerance == b.tolerance && a.derivation == b.derivation
            && a.mistakes.map(\.0) == b.mistakes.map(\.0) && a.mistakes.map(\.1) == b.mistakes.map(\.1)
    }
}
