import CNNLabEngine

/// The quiz pane, across the top of the screen: the verdict on the last answer (with the
/// derivation and the named mistake when it was wrong), then the next question or the score.
/// The output pane keeps the whole text to scroll back through.
extension TUILayout {
    static func drawQuiz(_ quiz: TUIState.QuizView, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let L = state.language
        let title = "Quiz" + (quiz.question.map { " · " + QuizRenderer.header($0, L) } ?? "")
        grid.box(rect, title: title, border(.derivation, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        let context = RenderContext(
            language: L, style: .plain, capabilities: TerminalCapabilities(colorDepth: .none, unicode: state.unicode), width: inner.width)
        func wrapped(_ text: String, _ attributes: CellAttributes) -> [(String, CellAttributes)] {
            text.split(separator: "\n").flatMap { line in
                line.hasPrefix(" ") ? [String(line)] : DisplayWidth.wrap(String(line), to: max(1, inner.width))
            }.map { ($0, attributes) }
        }
        var bottom: [(String, CellAttributes)] = []
        if let q = quiz.question {
            bottom = wrapped(QuizRenderer.question(q, context: context), .plain)
            if !bottom.isEmpty { bottom[0].1 = theme.title }
            bottom += wrapped(TUIText.quizAnswerPrompt(in: L), theme.dim)
        } else if let summary = quiz.summary {
            bottom = wrapped(QuizRenderer.summary(summary, context: context), .plain)
            if !bottom.isEmpty { bottom[0].1 = theme.title }
        }
        var top: [(String, CellAttributes)] = []
        if let last = quiz.last {
            let lines = QuizRenderer.verdictLines(last, context: context)
            let first: CellAttributes = last.verdict == .right ? theme.command : last.verdict == .wrong ? theme.error : theme.info
            for (i, line) in lines.enumerated() {
                top += wrapped(line, i == 0 ? first : line.hasPrefix(L.pick("Mistake", "Erro")) ? theme.info : .plain)
            }
            top.append(("", .plain))
        }
        let room = max(0, inner.height - bottom.count)
        grid.lines(Array(top.prefix(room)) + bottom, in: inner)
    }
}
