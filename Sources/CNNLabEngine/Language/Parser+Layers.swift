import ConvCore

/// Layer commands: `input`, `conv`, `pool`, activations, `flatten`, `fc`, `softmax`.
extension Parser {
    /// The layer command `word`, or nil if `word` is not one.
    mutating func layerCommand(_ word: String, keyword: Token) throws(Diagnostic) -> Command? {
        switch word {
        case "input": return try inputCommand(keyword)
        case "conv": return .layer(try convLayer())
        case "pool": return .layer(try poolLayer())
        case "relu", "sigmoid", "tanh": return .layer(.activation(Activation(rawValue: word) ?? .relu))
        case "flatten": return .layer(.flatten)
        case "fc": return .layer(.fc(units: try positiveInteger(name: "units", command: "fc")))
        case "softmax":
            return .layer(.softmax(units: atEnd ? nil : try positiveInteger(name: "units", command: "softmax")))
        default: return nil
        }
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

    private mutating func convLayer() throws(Diagnostic) -> LayerSpec {
        let filters = try positiveInteger(name: "n_c", command: "conv")
        let options = try keywordOptions(command: "conv", allowed: ["f", "s", "p"])
        guard let f = options["f"] else {
            throw Diagnostic(.missingOption(command: "conv", option: "f=…"), at: statementRange)
        }
        let size = try f.positiveInteger()
        let stride = try options["s"]?.positiveInteger() ?? 1
        var padding = LayerSpec.Padding.explicit(0)
        if let p = options["p"] {
            if case .identifier("same") = p.token.kind {
                padding = .same
            } else {
                let v = try p.integer()
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
        let size = try f.positiveInteger()
        let stride = try options["s"]?.positiveInteger() ?? size
        return .pool(kind, f: size, s: stride)
    }

    // MARK: Options

    /// A `key=value` option with the token of its value.
    struct Option {
        var token: Token
        var name: String
        var range: SourceRange { token.range }

        func integer() throws(Diagnostic) -> Int {
            guard case .integer(let n) = token.kind else {
                throw Diagnostic(.expected(.integer, found: token.spelling), at: token.range)
            }
            return n
        }

        func positiveInteger() throws(Diagnostic) -> Int {
            let n = try integer()
            guard n >= 1 else {
                throw Diagnostic(.invalidOption(name: name, value: String(n), rule: "\(name) ≥ 1"), at: token.range)
            }
            return n
        }
    }

    /// `key=value` options until the end of the statement (or a word that is not an option key).
    mutating func keywordOptions(command: String, allowed: [String], stopWords: [String] = []) throws(Diagnostic) -> [String: Option] {
        var options: [String: Option] = [:]
        while let t = peek, case .identifier(let key) = t.kind, !stopWords.contains(key) {
            guard allowed.contains(key) else {
                throw Diagnostic(.unknownOption(command: command, option: key, allowed: allowed.map { $0 + "=" }), at: t.range)
            }
            guard options[key] == nil else { throw Diagnostic(.duplicateOption(key), at: t.range) }
            position += 1
            try expectSymbol("=", .equals)
            guard var value = peek else { throw Diagnostic(.expected(.number, found: nil), at: endRange) }
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
}
