/// How a quiz is made: `quiz count=N topic=T seed=S from "FILE"` or `cnnlab quiz --count N ...`.
public struct QuizOptions: Sendable, Equatable {
    /// Questions to ask (generated ones; a file's questions are all asked).
    public var count: Int
    /// Topics to draw from (empty: all).
    public var topics: [QuizTopic]
    /// The seed: the same seed and options give the same quiz, byte for byte, and then the
    /// topics answered badly before are not favoured (that would change the quiz).
    public var seed: UInt64?
    /// A lesson file whose questions are asked instead of generated ones.
    public var file: String?

    /// Questions a quiz asks when not told.
    public static let defaultCount = 10
    /// The most questions one quiz asks.
    public static let maxCount = 1000

    public init(count: Int = QuizOptions.defaultCount, topics: [QuizTopic] = [], seed: UInt64? = nil, file: String? = nil) {
        self.count = count
        self.topics = topics
        self.seed = seed
        self.file = file
    }
}

/// What `quiz` asks for.
public enum QuizRequest: Sendable, Equatable {
    case start(QuizOptions)
    /// `quiz stats`: the scores kept between runs.
    case stats
    /// `quiz topics`: the topics and their names.
    case topics
    /// `quiz stop`: ends the quiz with the score so far.
    case stop
}
