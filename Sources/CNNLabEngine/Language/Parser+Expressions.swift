/// Expressions: `+ -` bind looser than `* · /`, then unary minus, then indexing `X[...]`.
extension Parser {
    mutating func expression() throws(Diagnostic) -> Expression {
        var lhs = try term()
        while let t = peek, t.kind == .symbol("+") || t.kind == .symbol("-") {
            position += 1
            try countOperator(at: t.range)
            let rhs = try term()
            lhs = .binary(t.kind == .symbol("+") ? "+" : "-", lhs, rhs, lhs.range.merged(with: rhs.range))
        }
        return lhs
    }

    private mutating func term() throws(Diagnostic) -> Expression {
        var lhs = try unary()
        while let t = peek, case .symbol(let c) = t.kind, c == "*" || c == "·" || c == "/" {
            position += 1
            try countOperator(at: t.range)
            let rhs = try unary()
            lhs = .binary(c, lhs, rhs, lhs.range.merged(with: rhs.range))
        }
        return lhs
    }

    /// Counts one more binary operator at `range`, refusing more than ``maxOperators``.
    private mutating func countOperator(at range: SourceRange) throws(Diagnostic) {
        operators += 1
        guard operators <= Parser.maxOperators else { throw Diagnostic(.tooManyOperators(Parser.maxOperators), at: range) }
    }

    /// Counts one more level of nesting at `range`, refusing more than ``maxNesting``.
    private mutating func enter(at range: SourceRange) throws(Diagnostic) {
        nesting += 1
        guard nesting <= Parser.maxNesting else { throw Diagnostic(.expressionTooDeep(Parser.maxNesting), at: range) }
    }

    private mutating func unary() throws(Diagnostic) -> Expression {
        if let t = peek, t.kind == .symbol("-") || t.kind == .symbol("+") {
            position += 1
            try enter(at: t.range)
            defer { nesting -= 1 }
            let operand = try unary()
            return .unary(t.kind == .symbol("-") ? "-" : "+", operand, t.range.merged(with: operand.range))
        }
        var e = try primary()
        var indexed = 0
        defer { nesting -= indexed }
        while let open = peek, open.kind == .symbol("[") {
            position += 1
            try enter(at: open.range)
            indexed += 1
            let components = try indexComponents()
            e = .index(e, components, e.range.merged(with: tokens[position - 1].range))
        }
        return e
    }

    private mutating func indexComponents() throws(Diagnostic) -> [IndexComponent] {
        var components: [IndexComponent] = []
        while true {
            var start: Expression?
            if let t = peek, t.kind != .symbol(":") {
                start = try expression()
            }
            if let t = peek, t.kind == .symbol(":") {
                position += 1
                var stop: Expression?
                if let t2 = peek, t2.kind != .symbol(","), t2.kind != .symbol("]") {
                    stop = try expression()
                }
                components.append(.slice(start: start, stop: stop))
            } else if let s = start {
                components.append(.single(s))
            } else {
                throw Diagnostic(.expected(.expression, found: peek?.spelling), at: peek?.range ?? endRange)
            }
            guard let sep = peek else { throw Diagnostic(.expected(.closingBracket, found: nil), at: endRange) }
            position += 1
            if sep.kind == .symbol("]") { return components }
            guard sep.kind == .symbol(",") else {
                throw Diagnostic(.expected(.closingBracket, found: sep.spelling), at: sep.range)
            }
        }
    }

    private mutating func primary() throws(Diagnostic) -> Expression {
        guard let t = peek else { throw Diagnostic(.expected(.expression, found: nil), at: endRange) }
        position += 1
        switch t.kind {
        case .integer(let n): return .integer(n, t.range)
        case .real(let d): return .number(d, t.range)
        case .identifier(let name):
            if let open = peek, open.kind == .symbol("(") {
                position += 1
                try enter(at: open.range)
                defer { nesting -= 1 }
                let args = try arguments()
                return .call(name, args, t.range.merged(with: tokens[position - 1].range))
            }
            return .variable(name, t.range)
        case .symbol("["):
            try enter(at: t.range)
            defer { nesting -= 1 }
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
            try enter(at: t.range)
            defer { nesting -= 1 }
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
}
