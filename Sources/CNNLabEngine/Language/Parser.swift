import ConvCore

/// Turns the tokens of one statement into a `Statement`.
///
/// Every error names the token where parsing stopped, so the front end can put a caret
/// under it. The grammar is in `Lessons/README.md` and `help`.
public struct Parser {
    private let tokens: [Token]
    private var position = 0
    private let statementRange: SourceRange

    /// Parses one lexed statement.
    public static func parse(_ tokens: [Token]) throws(Diagnostic) -> Statement {
        var p = Parser(tokens: tokens)
        return try p.statement()
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
        let first = tokens.first?.range ?? SourceRange(line: 1, column: 1, length: 1)
        self.statementRange = tokens.last.map { first.merged(with: $0.range) } ?? first
    }

    // MARK: Statements

    private mutating func statement() throws(Diagnostic) -> Statement {
        guard let first = peek, case .identifier(let word) = first.kind else {
            throw Diagnostic(.expected(.name, found: peek?.spelling), at: peek?.range)
        }
        position += 1
        let command: Command
        switch word {
        case "input": command = try inputCommand(first)
        case "conv": command = .layer(try convLayer(first))
        case "pool": command = .layer(try poolLayer())
        case "relu", "sigmoid", "tanh":
            command = .layer(.activation(Activation(rawValue: word) ?? .relu))
        case "flatten": command = .layer(.flatten)
        case "fc": command = .layer(.fc(units: try positiveInteger(name: "units", command: "fc")))
        case "softmax":
            command = .layer(.softmax(units: atEnd ? nil : try positiveInteger(name: "units", command: "softmax")))
        case "summary": command = .summary
        case "explain": command = .explain(try layerSelection())
        case "let": command = try assignment()
        case "show": command = .show(try expression())
        case "step": command = .step(try expression())
        case "load":
            let name = try identifier()
            command = .load(name: name, path: try string())
        case "save":
            let value = try expression()
            command = .save(value, path: try string())
        default:
            throw Diagnostic(
                .unknownCommand(word, suggestion: closestWord(to: word, in: Vocabulary.commands)), at: first.range)
        }
        try expectEnd()
        return Statement(command: command, range: statementRange)
    }

    private mutating func inputCommand(_ keyword: Token) throws(Diagnostic) -> Command {
        var dims: [Int] = []
        var range = keyword.range
        if let t = peek, case .dimensions(let d) = t.kind {
            position += 1
            dims = d
            range = t.range
        } else {
            while let t = peek, case .integer(let n) = t.kind {
                position += 1
                dims.append(n)
                range = dims.count == 1 ? t.range : range.merged(with: t.range)
            }
            if dims.isEmpty { throw Diagnostic(.expected(.shape, found: peek?.spelling), at: peek?.range ?? keyword.range) }
        }
        guard (1...3).contains(dims.count), dims.allSatisfy({ $0 >= 1 }) else {
            throw Diagnostic(.invalidInputShape(dims), at: range)
        }
        return .input(dims)
    }

    private mutating func convLayer(_ keyword: Token) throws(Diagnostic) -> LayerSpec {
        let filters = try positiveInteger(name: "n_c", command: "conv")
        let options = try keywordOptions(command: "conv", allowed: ["f", "s", "p"])
        guard let f = options["f"] else {
            throw Diagnostic(.missingOption(command: "conv", option: "f=…"), at: statementRange)
        }
        let size = try f.positiveInteger(name: "f")
        let stride = try options["s"]?.positiveInteger(name: "s") ?? 1
        var padding = LayerSpec.Padding.explicit(0)
        if let p = options["p"] {
            if case .identifier("same") = p.token.kind {
                padding = .same
            } else {
                let v = try p.integer(name: "p")
                guard v >= 0 else {
                    throw Diagnostic(.invalidOption(name: "p", value: String(v), rule: "p ≥ 0 (or p=same)"), at: p.range)
                }
                padding = .explicit(v)
            }
        }
        return .conv(filters: filters, f: size, s: stride, p: padding)
    }

    private mutating func poolLayer() throws(Diagnostic) -> LayerSpec {
        guard let t = peek, case .identifier(let k) = t.kind else {
            throw Diagnostic(.expected(.poolKind, found: peek?.spelling), at: peek?.range ?? statementRange)
        }
        let kind: PoolKind
        switch k {
        case "max": kind = .max
        case "avg", "average", "mean": kind = .average
        default: throw Diagnostic(.expected(.poolKind, found: k), at: t.range)
        }
        position += 1
        let options = try keywordOptions(command: "pool", allowed: ["f", "s"])
        guard let f = options["f"] else {
            throw Diagnostic(.missingOption(command: "pool", option: "f=…"), at: statementRange)
        }
        let size = try f.positiveInteger(name: "f")
        let stride = try options["s"]?.positiveInteger(name: "s") ?? size
        return .pool(kind, f: size, s: stride)
    }

    private mutating func layerSelection() throws(Diagnostic) -> LayerSelection {
        guard let t = peek else { return .all }
        switch t.kind {
        case .identifier("all"):
            position += 1
            return .all
        case .integer(let n):
            position += 1
            return .one(n)
        default:
            throw Diagnostic(.expected(.layerIndex, found: t.spelling), at: t.range)
        }
    }

    private mutating func assignment() throws(Diagnostic) -> Command {
        var names = [try identifier()]
        while let t = peek, t.kind == .symbol(",") {
            position += 1
            names.append(try identifier())
        }
        try expectSymbol("=", .equals)
        return .assign(names: names, value: try expression())
    }

    // MARK: Options

    /// A `key=value` option with the token of its value.
    private struct Option {
        var token: Token
        var name: String
        var range: SourceRange { token.range }

        func integer(name: String) throws(Diagnostic) -> Int {
            guard case .integer(let n) = token.kind else {
                throw Diagnostic(.expected(.integer, found: token.spelling), at: token.range)
            }
            return n
        }

        func positiveInteger(name: String) throws(Diagnostic) -> Int {
            let n = try integer(name: name)
            guard n >= 1 else {
                throw Diagnostic(.invalidOption(name: name, value: String(n), rule: "\(name) ≥ 1"), at: token.range)
            }
            return n
        }
    }

    private mutating func keywordOptions(command: String, allowed: [String]) throws(Diagnostic) -> [String: Option] {
        var options: [String: Option] = [:]
        while let t = peek, case .identifier(let key) = t.kind {
            guard allowed.contains(key) else {
                throw Diagnostic(.unknownOption(command: command, option: key, allowed: allowed.map { $0 + "=" }), at: t.range)
            }
            guard options[key] == nil else { throw Diagnostic(.duplicateOption(key), at: t.range) }
            position += 1
            try expectSymbol("=", .equals)
            guard var value = peek else { throw Diagnostic(.expected(.number, found: nil), at: statementRange) }
            position += 1
            if value.kind == .symbol("-"), let next = peek, case .integer(let n) = next.kind {
                // A negative number: kept so the error can say "p=-1 is not allowed".
                position += 1
                value = Token(.integer(-n), value.range.merged(with: next.range))
            }
            options[key] = Option(token: value, name: key)
        }
        return options
    }

    // MARK: Expressions

    private mutating func expression() throws(Diagnostic) -> Expression {
        var lhs = try term()
        while let t = peek, t.kind == .symbol("+") || t.kind == .symbol("-") {
            position += 1
            let rhs = try term()
            lhs = .binary(t.kind == .symbol("+") ? "+" : "-", lhs, rhs, lhs.range.merged(with: rhs.range))
        }
        return lhs
    }

    private mutating func term() throws(Diagnostic) -> Expression {
        var lhs = try unary()
        while let t = peek, case .symbol(let c) = t.kind, c == "*" || c == "·" || c == "/" {
            position += 1
            let rhs = try unary()
            lhs = .binary(c, lhs, rhs, lhs.range.merged(with: rhs.range))
        }
        return lhs
    }

    private mutating func unary() throws(Diagnostic) -> Expression {
        if let t = peek, t.kind == .symbol("-") || t.kind == .symbol("+") {
            position += 1
            let operand = try unary()
            return .unary(t.kind == .symbol("-") ? "-" : "+", operand, t.range.merged(with: operand.range))
        }
        return try primary()
    }

    private mutating func primary() throws(Diagnostic) -> Expression {
        guard let t = peek else { throw Diagnostic(.expected(.expression, found: nil), at: endRange) }
        position += 1
        switch t.kind {
        case .integer(let n): return .number(Double(n), t.range)
        case .real(let d): return .number(d, t.range)
        case .identifier(let name):
            if let open = peek, open.kind == .symbol("(") {
                position += 1
                let args = try arguments()
                return .call(name, args, t.range.merged(with: tokens[position - 1].range))
            }
            return .variable(name, t.range)
        case .symbol("["):
            var items: [Expression] = []
            if let close = peek, close.kind == .symbol("]") {
                throw Diagnostic(.emptyLiteral, at: t.range.merged(with: close.range))
            }
            while true {
                items.append(try expression())
                guard let sep = peek else { throw Diagnostic(.expected(.closingBracket, found: nil), at: endRange) }
                position += 1
                if sep.kind == .symbol("]") {
                    return .list(items, t.range.merged(with: sep.range))
                }
                guard sep.kind == .symbol(",") else {
                    throw Diagnostic(.expected(.closingBracket, found: sep.spelling), at: sep.range)
                }
            }
        case .symbol("("):
            let inner = try expression()
            try expectSymbol(")", .closingParen)
            return inner
        default:
            throw Diagnostic(.expected(.expression, found: t.spelling), at: t.range)
        }
    }

    private mutating func arguments() throws(Diagnostic) -> [FunctionArgument] {
        var args: [FunctionArgument] = []
        if let t = peek, t.kind == .symbol(")") {
            position += 1
            return args
        }
        while true {
            var label: String?
            if let t = peek, case .identifier(let name) = t.kind, position + 1 < tokens.count,
                tokens[position + 1].kind == .symbol("=")
            {
                label = name
                position += 2
            }
            let start = peek?.range ?? endRange
            let value = try expression()
            args.append(FunctionArgument(label: label, value: value, range: start.merged(with: value.range)))
            guard let sep = peek else { throw Diagnostic(.expected(.closingParen, found: nil), at: endRange) }
            position += 1
            if sep.kind == .symbol(")") { return args }
            guard sep.kind == .symbol(",") else {
                throw Diagnostic(.expected(.closingParen, found: sep.spelling), at: sep.range)
            }
        }
    }

    // MARK: Tokens

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }
    private var atEnd: Bool { position >= tokens.count }

    /// Just past the last token, for "expected … found the end of the line".
    private var endRange: SourceRange {
        guard let last = tokens.last else { return statementRange }
        return SourceRange(line: last.range.line, column: last.range.column + last.range.length, length: 1)
    }

    private mutating func identifier() throws(Diagnostic) -> String {
        guard let t = peek, case .identifier(let name) = t.kind else {
            throw Diagnostic(.expected(.name, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
        return name
    }

    private mutating func string() throws(Diagnostic) -> String {
        guard let t = peek, case .string(let s) = t.kind else {
            throw Diagnostic(.expected(.string, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
        return s
    }

    private mutating func positiveInteger(name: String, command: String) throws(Diagnostic) -> Int {
        guard let t = peek else {
            throw Diagnostic(.missingOption(command: command, option: name), at: endRange)
        }
        var value: Int
        var range = t.range
        switch t.kind {
        case .integer(let n):
            value = n
            position += 1
        case .symbol("-"):
            guard position + 1 < tokens.count, case .integer(let n) = tokens[position + 1].kind else {
                throw Diagnostic(.expected(.integer, found: t.spelling), at: t.range)
            }
            value = -n
            range = t.range.merged(with: tokens[position + 1].range)
            position += 2
        default:
            throw Diagnostic(.expected(.integer, found: t.spelling), at: t.range)
        }
        guard value >= 1 else {
            throw Diagnostic(.invalidOption(name: name, value: String(value), rule: "\(name) ≥ 1"), at: range)
        }
        return value
    }

    private mutating func expectSymbol(_ c: Character, _ what: Expectation) throws(Diagnostic) {
        guard let t = peek, t.kind == .symbol(c) else {
            throw Diagnostic(.expected(what, found: peek?.spelling), at: peek?.range ?? endRange)
        }
        position += 1
    }

    private func expectEnd() throws(Diagnostic) {
        if let t = peek { throw Diagnostic(.expected(.endOfStatement, found: t.spelling), at: t.range) }
    }
}
