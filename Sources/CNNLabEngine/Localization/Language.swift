/// The language of every text the user reads: English or Brazilian Portuguese (the lecture's).
public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case ptBR = "pt-BR"

    /// Parses `--lang` values: `en`, `pt`, `pt-BR`, `pt_BR` (any case).
    public init?(flag: String) {
        let f = String(flag.lowercased().map { $0 == "_" ? "-" : $0 })
        if f == "en" || f.hasPrefix("en-") {
            self = .en
        } else if f == "pt" || f.hasPrefix("pt-") {
            self = .ptBR
        } else {
            return nil
        }
    }

    /// Chooses from the environment as POSIX does: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// Portuguese when the first set one starts with `pt`, English otherwise.
    public static func detect(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[key], !v.isEmpty {
                return v.lowercased().hasPrefix("pt") ? .ptBR : .en
            }
        }
        return .en
    }

    /// Picks the text for this language.
    @inlinable
    public func pick(_ english: String, _ portuguese: String) -> String {
        self == .en ? english : portuguese
    }
}
