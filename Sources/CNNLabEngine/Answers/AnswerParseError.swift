/// Why a typed answer could not be read, and where: `offset` counts characters (grapheme
/// clusters) from the start of the text as typed, so a front end can point at the culprit.
public struct AnswerParseError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Nothing but blanks (the grader counts this as skipped).
        case empty
        /// Longer than any sensible answer (200 characters).
        case tooLong
        /// A character no answer contains (a letter, `%`, `/`, ...).
        case unexpectedCharacter(Character)
        /// A `(` or `[` without its partner, or brackets nested too deep.
        case unbalancedBrackets
        /// A word that is not a number in either language's notation (`3,,5`, `1.2.3,4`, `--5`).
        case malformedNumber(String)
        /// A shape's dimension that is not a positive integer (`4x0x10`, `4x2.5`).
        case notADimension(String)
        /// Matrix rows of different lengths.
        case raggedMatrix
    }

    public var reason: Reason
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// The reason in `language`, for the front end to show.
    public func text(in language: Language) -> String {
        switch reason {
        case .empty:
            return language.pick("no answer given", "nenhuma resposta dada")
        case .tooLong:
            return language.pick("the answer is too long", "a resposta é longa demais")
        case .unexpectedCharacter(let c):
            return language.pick(
                "unexpected character '\(c)': answer with a number (280) or a shape (4x4x10)",
                "caractere inesperado '\(c)': responda com um número (280) ou um formato (4x4x10)")
        case .unbalancedBrackets:
            return language.pick("unbalanced brackets", "parênteses ou colchetes desbalanceados")
        case .malformedNumber(let w):
            return language.pick(
                "'\(w)' is not a number (write 3.75 or 27,000,100)",
                "'\(w)' não é um número (escreva 3,75 ou 27.000.100)")
        case .notADimension(let w):
            return language.pick(
                "'\(w)' is not a dimension: a shape's sizes are positive integers (4x4x10)",
                "'\(w)' não é uma dimensão: os tamanhos de um formato são inteiros positivos (4x4x10)")
        case .raggedMatrix:
            return language.pick("the matrix rows have different lengths", "as linhas da matriz têm tamanhos diferentes")
        }
    }
}
