/// Where something sits in the user's text: a line of the script and a column span on it.
///
/// Lines and columns count from 1, as editors show them. `length` is in characters
/// (extended grapheme clusters), so a caret line can be drawn under the token.
public struct SourceRange: Sendable, Equatable, Codable {
    /// 1-based line number in the script.
    public var line: Int
    /// 1-based column of the first character.
    public var column: Int
    /// Number of characters covered (at least 1).
    public var length: Int

    public init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// The smallest range on the same line that covers both.
    public func merged(with other: SourceRange) -> SourceRange {
        guard other.line == line else { return self }
        let start = min(column, other.column)
        let end = max(column + length, other.column + other.length)
        return SourceRange(line: line, column: start, length: end - start)
    }
}
