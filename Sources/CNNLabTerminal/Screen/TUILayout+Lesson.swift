import CNNLabEngine

/// The lesson pane: the step's heading and narration, the commands it ran, the question and
/// what was said about the answers, scrolled as the student asks (the end when feedback came).
extension TUILayout {
    static func drawLesson(_ lesson: TUIState.LessonView, _ state: TUIState, _ rect: Rect, _ theme: TUITheme, _ grid: inout CellGrid) {
        let L = state.language
        grid.box(rect, title: LessonRenderer.header(lesson.step, L), border(.derivation, state, theme), theme.title, unicode: state.unicode)
        let inner = rect.inner
        guard inner.height > 1, inner.width > 4 else { return }
        let body = lessonLines(lesson, state, theme, width: inner.width)
        let visible = inner.height - 1  // the last row keeps the keys
        let scroll = min(max(0, lesson.scroll), max(0, body.count - visible))
        grid.lines(Array(body.dropFirst(scroll).prefix(visible)), in: inner)
        let more = body.count > scroll + visible ? (state.unicode ? " ↓" : " v") : ""
        grid.lines([(TUIText.lessonKeys(in: L) + more, theme.dim)], in: Rect(row: inner.row + visible, col: inner.col, width: inner.width, height: 1))
    }

    /// The furthest the lesson pane of `state` can scroll at `width × height` (0 without one),
    /// so the controller can keep the scroll position real after it jumps to the end.
    public static func lessonScrollLimit(_ state: TUIState, width: Int, height: Int) -> Int {
        guard let lesson = state.lesson, width >= minimumWidth, height >= minimumHeight else { return 0 }
        let inner = Frames(width: width, height: height, wideViewer: state.stepper != nil).derivation.inner
        let body = lessonLines(lesson, state, TUITheme(color: state.color), width: inner.width)
        return max(0, body.count - (inner.height - 1))
    }

    /// Every line of the pane, before scrolling.
    static func lessonLines(_ lesson: TUIState.LessonView, _ state: TUIState, _ theme: TUITheme, width: Int) -> [(String, CellAttributes)] {
        let L = state.language
        let view = lesson.step
        func wrapped(_ text: String, _ attributes: CellAttributes, indent: String = "") -> [(String, CellAttributes)] {
            DisplayWidth.wrap(VisibleText.escaped(text), to: max(1, width - indent.count)).map { (indent + $0, attributes) }
        }
        var lines = wrapped(view.heading.text(in: L), theme.title)
        for paragraph in view.paragraphs {
            lines.append(("", .plain))
            lines += wrapped(paragraph.text(in: L), .plain)
        }
        if !view.outcomes.isEmpty { lines.append(("", .plain)) }
        for outcome in view.outcomes {
            lines += wrapped(state.prompt + outcome.source, theme.command)
        }
        if let question = view.question {
            lines.append(("", .plain))
            lines += wrapped("? " + question.text.text(in: L), theme.info)
            for (i, choice) in question.choices.enumerated() {
                lines += wrapped("\(i + 1)) " + choice.text(in: L), .plain, indent: "  ")
            }
            let settled = question.settled || lesson.feedback.contains { $0.verdict == .right || $0.verdict == .revealed }
            if !settled { lines += wrapped(TUIText.lessonAnswerPrompt(in: L), theme.dim) }
        }
        for feedback in lesson.feedback {
            lines += feedbackLines(feedback, state, theme, width: width)
        }
        return lines
    }

    private static func feedbackLines(_ f: LessonFeedback, _ state: TUIState, _ theme: TUITheme, width: Int) -> [(String, CellAttributes)] {
        let L = state.language
        let text = LessonRenderer.feedback(f, context: RenderContext(language: L, style: .plain, capabilities: TerminalCapabilities(colorDepth: .none, unicode: state.unicode), width: width))
        let attributes: CellAttributes
        switch f.verdict {
        case .right: attributes = theme.command
        case .wrong: attributes = theme.error
        case .revealed, .hint: attributes = theme.info
        }
        return text.split(separator: "\n").enumerated().flatMap { i, line in
            DisplayWidth.wrap(String(line), to: max(1, width)).map { ($0, i == 0 ? attributes : CellAttributes.plain) }
        }
    }
}
