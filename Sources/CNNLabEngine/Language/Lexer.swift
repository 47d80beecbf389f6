/// Splits script text into statements of tokens.
///
/// Statements end at a newline or `;`. A newline inside `(...)` or `[...]` does not end a
/// statement, so long tensor literals may span lines. `#` starts a comment that runs to the
/// end of the line (outside strings). A lexical error spoils only its own statement: the
/// lexer skips to the next statement boundary and goes on, so `--keep-going` can continue.
///
/// The lexer walks the source string itself (no array of characters, which took 16 bytes a
/// character), and a statement longer than ``maxStatementLength`` characters is an error
/// before its tokens fill memory: a 10 MB line of `1+1+…` once needed a gigabyte.
public struct Lexer {
    /// The longest statement read, in characters (a 300×300 literal fits; a runaway line does not).
    public static let maxStatementLength = 1_000_000

    private let source: String
    private var index: String.Index
    /// Characters read of the statement being lexed.
    private var statementLength = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// A lexer over `source`. A CRLF line end (one character in Swift) counts as a newline, so
    /// a script saved on Windows reads line by line like any other.
    public init(_ source: String) {
        self.source = source
        index = source.startIndex
    }

    /// The character `offset` places after the current one, or nil past the end.
    private func char(_ offset: Int = 0) -> Character? {
        var i = index
        for _ in 0..<offset {
            guard i < source.endIndex else { return nil }
            i = source.index(after: i)
        }
        guard i < source.endIndex else { return nil }
        return source[i] == "\r\n" ? "\n" : source[i]
    }

    private var atEnd: Bool { index >= source.endIndex }

    /// All statements of the source, in order; empty statements are dropped.
    public static func statements(in source: String) -> [LexedStatement] {
        var lexer = Lexer(source)
        var result: [LexedStatement] = []
        while let s = lexer.nextStatement() {
            result.append(s)
        }
        return result
    }

    /// The next non-empty statement, or nil at the end of the source.
    public mutating func nextStatement() -> LexedStatement? {
        while !atEnd {
            var tokens: [Token] = []
            let startLine = line
            let start = index
            depth = 0
            statementLength = 0
            do {
                while let token = try nextToken() {
                    tokens.append(token)
                }
                if !tokens.isEmpty {
                    return LexedStatement(line: tokens[0].range.line, tokens: .success(tokens), text: text(from: start))
                }
            } catch {
                skipToStatementEnd()
                return LexedStatement(line: error.range?.line ?? startLine, tokens: .failure(error), text: text(from: start))
            }
        }
        return nil
    }

    /// The next token of the current statement, or nil at its end (consuming the separator).
    private mutating func nextToken() throws(Diagnostic) -> Token? {
        while let c = char() {
            guard statementLength <= Self.maxStatementLength else {
                throw Diagnostic(.statementTooLong(Self.maxStatementLength), at: SourceRange(line: line, column: column, length: 1))
            }
            if c == "\n" {
                advance()
                if depth == 0 { return nil }
                continue
            }
            if c == ";" && depth == 0 {
                advance()
                return nil
            }
            if c == "#" {
                while let d = char(), d != "\n" { advance() }
                continue
            }
            if c.isWhitespace {
                advance()
                continue
            }
            return try token(startingWith: c)
        }
        return nil
    }

    private mutating func token(startingWith c: Character) throws(Diagnostic) -> Token {
        let startColumn = column
        let startLine = line
        func range(_ length: Int) -> SourceRange {
            SourceRange(line: startLine, column: startColumn, length: length)
        }
        if c.isNumber && c.isASCII {
            return try number(line: startLine, column: startColumn)
        }
        if c == ".", let next = char(1), next.isASCII && next.isNumber {
            return try number(line: startLine, column: startColumn)
        }
        if c.isLetter || c == "_" {
            var name = ""
            while let d = char(), d.isLetter || d.isNumber || d == "_" {
                name.append(d)
                advance()
            }
            return Token(.identifier(name), range(name.count))
        }
        if c == "\"" {
            return try string(line: startLine, column: startColumn)
        }
        switch c {
        case "(", "[": depth += 1
        case ")", "]": depth = max(0, depth - 1)
        case "=", ",", "+", "-", "*", "·", "/", ":", "×": break
        default: throw Diagnostic(.unexpectedCharacter(c), at: range(1))
        }
        advance()
        return Token(.symbol(c), range(1))
    }

    /// An integer, a real, or dimensions such as `39x39x3`.
    private mutating func number(line: Int, column: Int) throws(Diagnostic) -> Token {
        var text = ""
        var isReal = false
        while let c = char(), c.isASCII, c.isNumber || c == "." {
            if c == "." { isReal = true }
            text.append(c)
            advance()
        }
        if let e = char(), e == "e" || e == "E" {
            // Exponent only when digits follow (optionally signed).
            var look = 1
            if let sign = char(look), sign == "+" || sign == "-" { look += 1 }
            if let digit = char(look), digit.isASCII, digit.isNumber {
                isReal = true
                for _ in 0..<look {
                    if let c = char() { text.append(c) }
                    advance()
                }
                while let c = char(), c.isASCII, c.isNumber {
                    text.append(c)
                    advance()
                }
            }
        }
        if !isReal, isDimensionSeparator() {
            return try dimensions(first: text, line: line, column: column)
        }
        let r = SourceRange(line: line, column: column, length: text.count)
        if isReal {
            guard let d = Double(text), d.isFinite else { throw Diagnostic(.numberTooLarge(text), at: r) }
            return Token(.real(d), r)
        }
        guard let n = Int(text) else { throw Diagnostic(.numberTooLarge(text), at: r) }
        return Token(.integer(n), r)
    }

    /// Whether an `x` or `×` followed by a digit comes next.
    private func isDimensionSeparator() -> Bool {
        guard let c = char(), c == "x" || c == "×", let next = char(1) else { return false }
        return next.isASCII && next.isNumber
    }

    private mutating func dimensions(first: String, line: Int, column: Int) throws(Diagnostic) -> Token {
        var parts = [first]
        var length = first.count
        while isDimensionSeparator() {
            advance()
            length += 1
            var digits = ""
            while let c = char(), c.isASCII, c.isNumber {
                digits.append(c)
                advance()
            }
            length += digits.count
            parts.append(digits)
        }
        let r = SourceRange(line: line, column: column, length: length)
        if let c = char(), c.isLetter || c == "." || c == "_" {
            throw Diagnostic(.expected(.shape, found: parts.joined(separator: "x") + String(c)), at: r)
        }
        var dims: [Int] = []
        for p in parts {
            guard let n = Int(p) else { throw Diagnostic(.numberTooLarge(p), at: r) }
            dims.append(n)
        }
        return Token(.dimensions(dims), r)
    }

    private mutating func string(line: Int, column: Int) throws(Diagnostic) -> Token {
        advance()  // opening quote
        var value = ""
        var length = 1
        while let c = char() {
            if c == "\n" { break }
            advance()
            length += 1
            if c == "\"" {
                return Token(.string(value), SourceRange(line: line, column: column, length: length))
            }
            if c == "\\", let e = char(), e != "\n" {
                advance()
                length += 1
                switch e {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(e)
                }
                continue
            }
            value.append(c)
        }
        throw Diagnostic(.unterminatedString, at: SourceRange(line: line, column: column, length: length))
    }

    /// The statement's characters from `start` to here, without surrounding blanks and the
    /// separator (an answer such as `27.000.100` is read from this, not from tokens).
    private func text(from start: String.Index) -> String {
        var slice = source[start..<index]
        while let last = slice.last, last.isWhitespace || last == ";" { slice = slice.dropLast() }
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        return String(slice)
    }

    private mutating func skipToStatementEnd() {
        while let c = char() {
            advance()
            if c == "\n" || c == ";" { return }
        }
    }

    private mutating func advance() {
        guard index < source.endIndex else { return }
        if source[index] == "\n" || source[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        statementLength += 1
        index = source.index(after: index)
    }
}

/// The tokens of one statement, or the lexical error that spoiled it.
public struct LexedStatement: Sendable {
    /// The line the statement starts on.
    public var line: Int
    public var tokens: Result<[Token], Diagnostic>
    /// The statement as written (comments included), for answers that are not tokens.
    public var text: String
}
