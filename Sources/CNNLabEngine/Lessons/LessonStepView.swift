/// A lesson step as the student sees it after `lesson NAME`, `next` or `back`: the text
/// (in both languages, for the renderer to pick), the results of the step's commands as if
/// they had been typed, and the question, if any.
public struct LessonStepView: Sendable, Equatable {
    public var lessonName: String
    public var lessonNumber: Int?
    public var title: LocalizedText
    /// From 0.
    public var index: Int
    public var count: Int
    public var heading: LocalizedText
    /// The narration (the lesson's introduction comes first on its first step).
    public var paragraphs: [LocalizedText]
    public var outcomes: [LessonCommandOutcome]
    public var question: QuestionView?
    /// A problem with the stored progress (a corrupt file set aside, a failed write).
    public var notice: LessonNotice?

    /// A question as asked: the text, its choices, and whether it is settled already.
    public struct QuestionView: Sendable, Equatable {
        public var text: LocalizedText
        public var choices: [LocalizedText]
        /// Answered right, or skipped, on an earlier visit.
        public var settled: Bool
    }

    /// Whether this is the last step.
    public var isLast: Bool { index + 1 >= count }
}

/// One command a lesson step ran, and what came of it.
public struct LessonCommandOutcome: Sendable, Equatable {
    /// The command as the lesson wrote it.
    public var source: String
    /// One result per statement of the command (usually one).
    public var results: [Result<CommandResult, Diagnostic>]
}

/// Something about the stored progress the student should know.
public enum LessonNotice: Sendable, Equatable {
    /// The progress file could not be read and was moved to `path`.
    case progressSetAside(path: String)
    /// The progress could not be saved.
    case progressNotSaved(reason: String)

    /// The notice in `language`.
    public func text(in language: Language) -> String {
        switch self {
        case .progressSetAside(let path):
            return language.pick(
                "the saved lesson progress could not be read; it was moved to \(path) and starts afresh",
                "o progresso salvo das lições não pôde ser lido; ele foi movido para \(path) e recomeça do zero")
        case .progressNotSaved(let reason):
            return language.pick("lesson progress not saved: \(reason)", "progresso da lição não salvo: \(reason)")
        }
    }
}

/// What the student learns after `answer`, `hint` or `skip`.
public struct LessonFeedback: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// Right: the explanation follows.
        case right
        /// Wrong; the student may try again (the hint helps).
        case wrong
        /// Wrong too many times, or skipped: the answer and the explanation are shown.
        case revealed
        /// Just the hint, on request.
        case hint
    }

    public var verdict: Verdict
    /// What the student typed, as read.
    public var given: String?
    /// The accepted answer as a student would write it, with the choice's text.
    public var answer: String
    public var choice: LocalizedText?
    public var hint: LocalizedText?
    public var explanation: LocalizedText?
    /// Wrong answers so far at this question.
    public var attempts: Int
    /// Whether a step follows (so the front end can say "next").
    public var hasNextStep: Bool
}

/// `lesson` with no name: every lesson of the folder with the student's progress.
public struct LessonCatalog: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var number: Int?
        public var name: String
        public var title: LocalizedText
        public var steps: Int
        /// Questions in the lesson.
        public var questions: Int
        public var progress: LessonProgress.Entry?
    }

    public var items: [Item]
    /// The folder they came from.
    public var directory: String?
    public var notice: LessonNotice?
}

/// A lesson closed: finished (after its last step) or stopped.
public struct LessonEnding: Sendable, Equatable {
    public var lessonName: String
    public var title: LocalizedText
    public var finished: Bool
    /// Questions answered right, and questions in the lesson.
    public var right: Int
    public var questions: Int
    public var notice: LessonNotice?
}
