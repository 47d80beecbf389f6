import CNNLabEngine

/// The lesson pane's part of the TUI: which keys drive the lesson (as the engine's own
/// `next` and `back` commands, never by changing the lesson here), and how the lesson
/// results change what the pane shows.
enum TUILessonMode {
    /// The command a key stands for while a lesson is open: `n`/`p` at any pane, →/← in the
    /// lesson pane itself.
    static func command(for key: Key, focus: TUIState.Pane) -> String? {
        switch key {
        case .character("n"): return "next"
        case .character("p"): return "back"
        case .right where focus == .derivation: return "next"
        case .left where focus == .derivation: return "back"
        default: return nil
        }
    }

    /// Scrolls the lesson pane for ↑/↓/PgUp/PgDn in it; false for other keys.
    static func scroll(_ key: Key, _ state: inout TUIState) -> Bool {
        guard state.lesson != nil, state.focus == .derivation else { return false }
        let delta: Int
        switch key {
        case .up: delta = -1
        case .down: delta = 1
        case .pageUp: delta = -8
        case .pageDown: delta = 8
        default: return false
        }
        let current = state.lesson?.scroll ?? 0
        state.lesson?.scroll = max(0, current + delta)
        return true
    }

    /// Shows a lesson result; false for other results.
    static func show(_ result: CommandResult, _ state: inout TUIState) -> Bool {
        switch result {
        case .lessonStep(let view):
            state.lesson = TUIState.LessonView(step: view)
            // An open question is answered at the command line; otherwise the pane has the keys.
            state.focus = view.question.map { !$0.settled } == true ? .commandLine : .derivation
        case .lessonFeedback(let feedback):
            state.lesson?.feedback.append(feedback)
            state.lesson?.scroll = Int.max / 2  // redraw clamps it: the end, where the feedback is
            if feedback.verdict == .right || feedback.verdict == .revealed { state.focus = .derivation }
        case .lessonEnded:
            state.lesson = nil
            state.focus = .commandLine
        default:
            return false
        }
        return true
    }
}
