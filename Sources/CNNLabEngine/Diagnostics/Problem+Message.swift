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

/// `1,000,000` (English) or `1.000.000` (Portuguese), for counts in messages.
func groupedDigits(_ n: Int, in language: Language) -> String {
    let digits = String(n.magnitude)
    let separator: Character = language == .en ? "," : "."
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
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
