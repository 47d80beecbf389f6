/// A lesson read from a `.lesson` file: a title and steps, every text in English and pt-BR.
///
/// The format is documented in `Lessons/README.md`; ``LessonParser`` reads it. A lesson is
/// plain data: ``LessonRun`` walks it on a session, ``LessonChecker`` checks it.
public struct Lesson: Sendable, Equatable {
    /// The lesson's number, from the file name's `NN-` prefix (nil without one).
    public var number: Int?
    /// The file name without the number and the extension: `one-layer`.
    public var name: String
    public var title: LocalizedText
    /// The paragraph before the first step, shown with it.
    public var introduction: [LocalizedText]
    public var steps: [Step]
    /// The file the lesson came from, for messages (`Lessons/01-one-layer.lesson`).
    public var path: String
    /// The folder the lesson may read files from.
    public var directory: String

    public init(
        number: Int?, name: String, title: LocalizedText, introduction: [LocalizedText], steps: [Step], path: String,
        directory: String
    ) {
        self.number = number
        self.name = name
        self.title = title
        self.introduction = introduction
        self.steps = steps
        self.path = path
        self.directory = directory
    }

    /// One section of a lesson: what to read, what runs, what to answer.
    public struct Step: Sendable, Equatable {
        public var heading: LocalizedText
        public var paragraphs: [LocalizedText]
        public var commands: [Command]
        public var question: Question?
        /// The line of the `##` heading.
        public var line: Int
    }

    /// A command a step runs, with the output the checker expects from it.
    public struct Command: Sendable, Equatable {
        public var source: String
        public var line: Int
        /// Expected lines of the English and pt-BR output (nil: not checked).
        public var expected: [Language: ExpectedOutput]
    }

    /// Lines a command's output must show: all of them, or these first (`= ...`).
    public struct ExpectedOutput: Sendable, Equatable {
        public var lines: [String]
        public var allowsMore: Bool
        public var line: Int
    }

    /// A question the student answers before going on.
    public struct Question: Sendable, Equatable {
        public var text: LocalizedText
        /// Choices of a multiple-choice question, numbered from 1 (empty otherwise).
        public var choices: [LocalizedText]
        public var answer: LessonAnswer
        /// Answers within this distance of a number are right.
        public var tolerance: Double
        /// What the engine computes for the answer (`params 1`), for `lesson --check`.
        public var check: LessonCheckQuery?
        public var hint: LocalizedText?
        public var explanation: LocalizedText?
        /// The line of the `?`.
        public var line: Int
        /// The line of `answer:` (or of the `?` when it is missing).
        public var answerLine: Int
        /// The line of `check:`.
        public var checkLine: Int?
    }
}

/// The accepted answer of a lesson question.
public enum LessonAnswer: Sendable, Equatable {
    case number(Double)
    case shape([Int])
    /// A choice, numbered from 1.
    case choice(Int)

    /// The answer as a student would type it: `280`, `4x4x10`, `2`.
    public var text: String {
        switch self {
        case .number(let d): return ParsedAnswer.format(d)
        case .shape(let dims): return dims.map(String.init).joined(separator: "×")
        case .choice(let n): return String(n)
        }
    }
}
