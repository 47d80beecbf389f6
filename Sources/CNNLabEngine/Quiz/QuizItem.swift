/// One question of a quiz: generated (``QuizQuestion``), or written by a teacher in a lesson
/// file (`quiz from "FILE"`, the lessons' question format).
public enum QuizItem: Sendable, Equatable {
    case generated(QuizQuestion)
    case fixed(Lesson.Question)

    /// The question as asked.
    public var text: LocalizedText {
        switch self {
        case .generated(let q): return q.text
        case .fixed(let q): return q.text
        }
    }

    /// The choices of a multiple-choice question (empty otherwise).
    public var choices: [LocalizedText] {
        if case .fixed(let q) = self { return q.choices }
        return []
    }

    /// The topic of a generated question (nil for a teacher's).
    public var topic: QuizTopic? {
        if case .generated(let q) = self { return q.topic }
        return nil
    }
}
