/// One generated quiz question: its text in both languages, its numbers, the right answer with
/// its worked derivation, and the wrong answers the known mistakes would give.
public struct QuizQuestion: Sendable {
    public var topic: QuizTopic
    /// The whole question in English and pt-BR, numbers and matrices written out.
    public var text: LocalizedText
    /// The question's numbers by name, in the order the text uses them.
    public var params: [QuizParameter]
    /// The right answer.
    public var answer: QuizAnswer
    /// How far a typed answer may be from `answer` (0: exact; 1e-9 for averages).
    public var tolerance: Double
    /// How the right answer is derived, with this question's numbers (the same steps `explain` shows
    /// for layer questions).
    public var derivation: [DerivationStep]
    /// What each applicable known mistake answers instead, each different from the right answer and
    /// from the others; a mistake may appear twice (e.g. `noFloor`: unfloored, and rounded up).
    public var mistakes: [(QuizMistake, QuizAnswer)]

    public init(
        topic: QuizTopic, text: LocalizedText, params: [QuizParameter], answer: QuizAnswer, tolerance: Double = 0,
        derivation: [DerivationStep], mistakes: [(QuizMistake, QuizAnswer)]
    ) {
        self.topic = topic
        self.text = text
        self.params = params
        self.answer = answer
        self.tolerance = tolerance
        self.derivation = derivation
        self.mistakes = mistakes
    }

    /// The value of the parameter `name`, or nil.
    public func parameter(_ name: String) -> QuizParameter.Value? {
        params.first { $0.name == name }?.value
    }

    /// The integer parameter `name`, or nil.
    public func int(_ name: String) -> Int? {
        if case .int(let v)? = parameter(name) { return v }
        return nil
    }

    /// The shape parameter `name` (e.g. `input`), or nil.
    public func shape(_ name: String) -> [Int]? {
        if case .shape(let v)? = parameter(name) { return v }
        return nil
    }

    /// The text parameter `name` (e.g. `kind`), or nil.
    public func string(_ name: String) -> String? {
        if case .string(let v)? = parameter(name) { return v }
        return nil
    }

    /// The boolean parameter `name` (e.g. `bias`), or nil.
    public func bool(_ name: String) -> Bool? {
        if case .bool(let v)? = parameter(name) { return v }
        return nil
    }

    /// The matrix parameter `name` (`matrix`, `filter`), or nil.
    public func matrix(_ name: String) -> [[Double]]? {
        if case .matrix(let v)? = parameter(name) { return v }
        return nil
    }

    /// The list parameter `name` (`layers`), or nil.
    public func strings(_ name: String) -> [String]? {
        if case .strings(let v)? = parameter(name) { return v }
        return nil
    }
}
