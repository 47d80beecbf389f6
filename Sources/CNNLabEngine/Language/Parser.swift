import Foundation

/// Turns the tokens of one statement into a `Statement`.
///
/// Every error names the token where parsing stopped, so the front end can put a caret
/// under it. Layer commands are parsed in `Parser+Layers.swift`, the other commands in
/// `Parser+Commands.swift`, expressions in `Parser+Expressions.swift`.
public struct Parser {
    let tokens: [Token]
    var position = 0
    /// Brackets, parentheses, calls and signs open around the token being read.
    var nesting = 0

    /// The deepest nesting an expression may have: deep enough for any real expression,
    /// shallow enough that reading and evaluating it can never exhaust the stack.
    static let maxNesting = 128
    /// The most binary operators one statement may have. A chain `1+1+…` nests one level per
    /// operator, and freeing a tree of 100,000 levels overflows the stack; ten thousand terms
    /// are far more than any real expression.
    static let maxOperators = 10_000
    /// Binary operators read so far in this statement.
    var operators = 0
    let statementRange: SourceRange

    /// Parses one lexed statement.
    public static func parse(_ tokens: [Token]) throws(Diagnostic) -> Statement {
        var p = Parser(tokens: tokens)
        return try p.statement()
    }

    /// Parses one statement as the lexer cut it: an answer (`280`, `4x4x10`, `(4, 4, 10)`,
    /// `answer 27.000.100`) is taken from the statement's text, since `27.000.100` or
    /// `27,000,100` are not tokens of the language; anything else from its tokens.
    public static func parse(_ statement: LexedStatement) throws(Diagnostic) -> Statement {
        let text = String(statement.text.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
        let column = (try? statement.tokens.get())?.first?.range.column ?? 1
        let range = SourceRange(line: statement.line, column: column, length: max(1, text.count))
        if let first = text.first, first.isASCII, first.isNumber || "([-.+".contains(first) {
            return Statement(command: .answer(text), range: range)
        }
        if text.hasPrefix("answer"), text.dropFirst(6).first?.isWhitespace ?? false {
            return Statement(command: .answer(text.dropFirst(6).trimmingCharacters(in: .whitespaces)), range: range)
        }
        return try parse(try statement.tokens.get())
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
        let first = tokens.first?.range ?? SourceRange(line: 1, column: 1, length: 1)
        self.statementRange = tokens.last.map { first.merged(with: $0.range) } ?? first
    }

    private mutating func statement() throws(Diagnostic) -> Statement {
        guard let first = peek, case .identifier(let word) = first.kind else {
            throw Diagnostic(.expected(.name, found: peek?.spelling), at: peek?.range)
        }
        position += 1
        let command: Command
        guard Vocabulary.commands.contains(word) || Vocabulary.aliases[word] != nil else {
            throw Diagnostic(
                .unknownCommand(word, suggestion: closestWord(to: word, in: Vocabulary.commands)), at: first.range)
        }
        if let layer = try layerCommand(word, keyword: first) {
            command = layer
        } else if let other = try otherCommand(word) {
            command = other
        } else {
            throw Diagnostic(
                .unknownCommand(word, suggestion: closestWord(to: word, in: Vocabulary.commands)), at: first.range)
        }
        try expectEnd()
        return Statement(command: command, range: statementRange)
    }

    // MARK: Tokens

    var peek: Token? { position < tokens.count ? tokens[position] : nil }
    var atEnd: Bool { position >= tokens.count }

    /// Just past the last token, for "expected … found the end of the line".
    var endRange: SourceRange {
        guard let last = tokens.last else { return statementRange }
        return SourceRange(line: last.range.line, column: last.range.column + last.range.length, length: 1)
    }

    /// True (and consumes it) if the next token is the identifier `word`.
    mutating func consumeWord(_ word: String) -> Bool {
        guard let t = peek, t.kind == .identifier(word) else { return false }
        position += 1
        return true
    }

    mutating func identifier() throws(Diagnostic) -> String {
        guard let t = peek, case .identifier(let name) = t.kind else {
            throw Diagnostic(.expected(.name, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
        return name
    }

    mutating func string() throws(Diagnostic) -> String {
        guard let t = peek, case .string(let s) = t.kind else {
            throw Diagnostic(.expected(.string, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
        return s
    }

    /// An integer, with an optional leading minus, and its range.
    mutating func signedInteger() throws(Diagnostic) -> (Int, SourceRange) {
        guard let t = peek else { throw Diagnostic(.expected(.integer, found: nil), at: endRange) }
        switch t.kind {
        case .integer(let n):
            position += 1
            return (n, t.range)
        case .symbol("-"):
            guard position + 1 < tokens.count, case .integer(let n) = tokens[position + 1].kind else {
                throw Diagnostic(.expected(.integer, found: t.spelling), at: t.range)
            }
            position += 2
            return (-n, t.range.merged(with: tokens[position - 1].range))
        default:
            throw Diagnostic(.expected(.integer, found: t.spelling), at: t.range)
        }
    }

    /// A whole number ≥ 1, named `name` in the error.
    mutating func positiveInteger(name: String, command: String) throws(Diagnostic) -> Int {
        guard !atEnd else { throw Diagnostic(.missingOption(command: command, option: name), at: endRange) }
        let (value, range) = try signedInteger()
        guard value >= 1 else {
            throw Diagnostic(.invalidOption(name: name, value: String(value), rule: "\(name) ≥ 1"), at: range)
        }
        return value
    }

    mutating func expectSymbol(_ c: Character, _ what: Expectation) throws(Diagnostic) {
        guard let t = peek, t.kind == .symbol(c) else {
            throw Diagnostic(.expected(what, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
    }

    func expectEnd() throws(Diagnostic) {
        if let t = peek { throw Diagnostic(.expected(.endOfStatement, found: t.spelling), at: t.range) }
    }
}
