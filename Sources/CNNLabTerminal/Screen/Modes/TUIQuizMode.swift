import CNNLabEngine

/// The quiz's part of the TUI: how the quiz results change what the quiz pane shows. Answers
/// are typed at the command line and go to the engine like any command.
enum TUIQuizMode {
    /// Shows a quiz result; false for other results.
    static func show(_ result: CommandResult, _ state: inout TUIState) -> Bool {
        switch result {
        case .quizQuestion(let q):
            state.quiz = TUIState.QuizView(question: q, last: nil, summary: nil)
            state.lesson = nil
        case .quizFeedback(let f):
            state.quiz = TUIState.QuizView(question: f.next, last: f, summary: f.summary)
        case .quizEnded(let summary):
            state.quiz = TUIState.QuizView(question: nil, last: state.quiz?.last, summary: summary)
        default:
            // Once the quiz is over (or a lesson opens), other results bring the panes back.
            if case .lessonStep = result { state.quiz = nil }
            if state.quiz?.question == nil { state.quiz = nil }
            return false
        }
        state.focus = .commandLine
        return true
    }
}
