extension Problem {
    /// The message in `language`.
    public func message(in language: Language) -> String {
        switch language {
        case .en: return englishMessage
        case .ptBR: return portugueseMessage
        }
    }

    /// What to try instead, in `language`, when there is something useful to say.
    public func hint(in language: Language) -> String? {
        switch language {
        case .en: return englishHint
        case .ptBR: return portugueseHint
        }
    }
}

/// Formats a shape as the lecture writes it: `39×39×3`.
func shapeText(_ shape: [Int]) -> String {
    shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
}

extension NameKind {
    /// Every valid name of this kind.
    public var names: [String] {
        switch self {
        case .example: return Vocabulary.examples
        case .exportTarget: return Vocabulary.exportTargets
        case .preset: return Vocabulary.presets
        case .sample: return Vocabulary.samples
        case .helpTopic: return Vocabulary.commands
        }
    }
}

/// A character as a message may show it (``VisibleText``), so an error about a stray byte never
/// sends that byte to the terminal.
func visible(_ c: Character) -> String {
    VisibleText.escaped(String(c))
}
