/// Splits script text into statements of tokens.
///
/// Statements end at a newline or `;`. A newline inside `(...)` or `[...]` does not end a
/// statement, so long tensor literals may span lines. `#` starts a comment that runs to the
/// end of the line (outside strings). A lexical error spoils only its own statement: the
/// lexer skips to the next statement boundary and goes on, so `--keep-going` can continue.
public struct Lexer {
    private let chars: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// A lexer over `source`. A CRLF line end (one character in Swift) counts as a newline, so
    /// a script saved on Windows reads line by line like any other.
    public init(_ source: String) {
        chars = source.map { $0 == "\r\n" ? "\n" : $0 }
    }

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
        while index < chars.count {
            var tokens: [Token] = []
            let startLine = line
            let start = index
            depth = 0
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
        while index < chars.count {
            let c = chars[index]
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
                while index < chars.count, chars[index] != "\n" { advance() }
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
        if c == "." && index + 1 < chars.count && chars[index + 1].isASCII && chars[index + 1].isNumber {
            return try number(line: startLine, column: startColumn)
        }
        if c.isLetter || c == "_" {
            var name = ""
            while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" {
                name.append(chars[index])
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
        while index < chars.count, chars[index].isASCII, chars[index].isNumber || chars[index] == "." {
            if chars[index] == "." { isReal = true }
            text.append(chars[index])
            advance()
        }
        if index < chars.count, chars[index] == "e" || chars[index] == "E" {
            // Exponent only when digits follow (optionally signed).
            var look = index + 1
            if look < chars.count, chars[look] == "+" || chars[look] == "-" { look += 1 }
            if look < chars.count, chars[look].isASCII, chars[look].isNumber {
                isReal = true
                while index < look { text.append(chars[index]); advance() }
                while index < chars.count, chars[index].isASCII, chars[index].isNumber {
                    text.append(chars[index])
                    advance()
                }
            }
        }
        if !isReal, isDimensionSeparator(at: index) {
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

    private func isDimensionSeparator(at i: Int) -> Bool {
        guard i + 1 < chars.count, chars[i] == "x" || chars[i] == "×" else { return false }
        return chars[i + 1].isASCII && chars[i + 1].isNumber
    }

    private mutating func dimensions(first: String, line: Int, column: Int) throws(Diagnostic) -> Token {
        var parts = [first]
        var length = first.count
        while isDimensionSeparator(at: index) {
            advance()
            length += 1
            var digits = ""
            while index < chars.count, chars[index].isASCII, chars[index].isNumber {
                digits.append(chars[index])
                advance()
            }
            length += digits.count
            parts.append(digits)
        }
        let r = SourceRange(line: line, column: column, length: length)
        if index < chars.count, chars[index].isLetter || chars[index] == "." || chars[index] == "_" {
            throw Diagnostic(.expected(.shape, found: parts.joined(separator: "x") + String(chars[index])), at: r)
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
        while index < chars.count {
            let c = chars[index]
            if c == "\n" { break }
            advance()
            length += 1
            if c == "\"" {
                return Token(.string(value), SourceRange(line: line, column: column, length: length))
            }
            if c == "\\", index < chars.count, chars[index] != "\n" {
                let e = chars[index]
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
    private func text(from start: Int) -> String {
        var slice = chars[start..<index]
        while let last = slice.last, last.isWhitespace || last == ";" { slice = slice.dropLast() }
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        return String(slice)
    }

    private mutating func skipToStatementEnd() {
        while index < chars.count {
            let c = chars[index]
            advance()
            if c == "\n" || c == ";" { return }
        }
    }

    private mutating func advance() {
        if chars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
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
