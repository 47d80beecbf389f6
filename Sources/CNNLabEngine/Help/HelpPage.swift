/// Text in both of cnnlab's languages.
public struct LocalizedText: Sendable, Equatable {
    public var english: String
    public var portuguese: String

    public init(_ english: String, _ portuguese: String) {
        self.english = english
        self.portuguese = portuguese
    }

    public func text(in language: Language) -> String {
        language.pick(english, portuguese)
    }
}

/// One command's help: how to write it, what it does, examples to copy.
public struct HelpEntry: Sendable, Equatable {
    public var command: String
    public var synopsis: String
    public var summary: LocalizedText
    public var examples: [String]
}

/// What `help` or `help WORD` shows: one entry, or the list of all.
public struct HelpPage: Sendable, Equatable {
    /// The word asked about; nil for the overview.
    public var topic: String?
    public var entries: [HelpEntry]
}
