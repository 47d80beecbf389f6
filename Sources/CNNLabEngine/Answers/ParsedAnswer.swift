/// A typed answer once read: a number, a shape, or a small matrix of numbers.
///
/// The quiz's expected answers use the same representation (`QuizAnswer`), so comparing a
/// student's answer with the right one, or with the answer a known mistake gives, is one function
/// (`AnswerParser.matches`).
public enum ParsedAnswer: Sendable, Equatable, Codable {
    /// `280`, `-0.5`, `3.75`, `27,000,100`.
    case number(Double)
    /// `4x4x10`, `(1, 1, 1, 8)`: positive integer dimensions, outermost first.
    case shape([Int])
    /// `[[9, 2], [6, 3]]` or `9 2; 6 3`: rows of numbers (a whole pooling result).
    case matrix([[Double]])

    /// Which of the three forms an answer takes; used to settle an ambiguous reading.
    public enum Kind: String, Sendable, Equatable, Codable {
        case number, shape, matrix
    }

    /// The form of this answer.
    public var kind: Kind {
        switch self {
        case .number: return .number
        case .shape: return .shape
        case .matrix: return .matrix
        }
    }

    /// The answer as rows of numbers: a number is 1×1, a shape is one row. Comparisons use this,
    /// so `1960` and the shape `[1960]` are the same answer.
    public var grid: [[Double]] {
        switch self {
        case .number(let x): return [[x]]
        case .shape(let dims): return [dims.map(Double.init)]
        case .matrix(let rows): return rows
        }
    }

    /// The answer as the quiz writes it: `280`, `3.75`, `4×4×10`, `[[9, 2], [6, 3]]` (no grouping).
    public var description: String {
        switch self {
        case .number(let x): return ParsedAnswer.format(x)
        case .shape(let dims): return dims.map(String.init).joined(separator: "×")
        case .matrix(let rows):
            return "[" + rows.map { "[" + $0.map(ParsedAnswer.format).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }

    /// An integral value without `.0` (`280`, not `280.0`); others as Swift prints them (`3.75`).
    static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 9.0e15 { return String(Int64(x)) }
        return String(x)
    }
}
