/// One lexical unit of the command language.
public struct Token: Sendable, Equatable {
    /// What kind of token, with its value.
    public enum Kind: Sendable, Equatable {
        /// A name: a command, a keyword (`f`, `same`) or a variable.
        case identifier(String)
        /// A non-negative integer literal (a leading minus is a separate token).
        case integer(Int)
        /// A non-negative literal with a fraction or exponent.
        case real(Double)
        /// `39x39x3` or `28×28`: a shape written with `x` or `×`.
        case dimensions([Int])
        /// A double-quoted string, escapes resolved.
        case string(String)
        /// Punctuation and operators: `= , ( ) [ ] + - * · / :`.
        case symbol(Character)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The token as the user typed it, for messages.
    public var spelling: String {
        switch kind {
        case .identifier(let s): return s
        case .integer(let n): return String(n)
        case .real(let d): return String(d)
        case .dimensions(let dims): return dims.map(String.init).joined(separator: "x")
        case .string(let s): return "\"\(s)\""
        case .symbol(let c): return String(c)
        }
    }
}
