/// Commands other than layers: tensors, files, the network as a whole, help.
extension Parser {
    /// The command `word`, or nil if `word` is not one.
    mutating func otherCommand(_ word: String) throws(Diagnostic) -> Command? {
        switch word {
        case "summary": return .summary
        case "explain": return .explain(try layerSelection())
        case "let": return try assignment()
        case "show": return .show(try expression())
        case "step": return .step(try expression())
        case "load":
            let name = try identifier()
            return .load(name: name, path: try string())
        case "save":
            let value = try expression()
            return .save(value, path: try string())
        case "undo": return .undo
        case "clear":
            if atEnd { return .clear(.network) }
            let t = peek
            let target = try identifier()
            switch target {
            case "net", "network": return .clear(.network)
            case "vars", "variables": return .clear(.vars)
            case "all": return .clear(.all)
            default: throw Diagnostic(.unknownOption(command: "clear", option: target, allowed: ["vars", "all"]), at: t?.range)
            }
        case "layers": return .layers
        case "net": return .net(try netCommand())
        case "forward": return .forward(try expression())
        case "predict": return .predict(try expression())
        case "filter": return try filterCommand()
        case "image": return try imageCommand()
        case "seed":
            let (n, range) = try signedInteger()
            guard let seed = UInt32(exactly: n) else {
                throw Diagnostic(.invalidOption(name: "seed", value: String(n), rule: "0 ≤ seed ≤ 4294967295"), at: range)
            }
            return .seed(seed)
        case "vars": return .vars
        case "shape": return .shape(try expression())
        case "stats": return .stats(try expression())
        case "heatmap": return try heatmapCommand()
        case "help":
            guard let t = peek else { return .help(nil) }
            position += 1
            return .help(t.spelling)
        case "quit", "exit": return .quit
        case "lesson":
            guard let t = peek else { return .lesson(.list) }
            if t.kind == .identifier("stop") {
                position += 1
                return .lesson(.stop)
            }
            if case .integer(let n) = t.kind {
                position += 1
                return .lesson(.open(String(n)))
            }
            return .lesson(.open(try nameWithDashes()))
        case "demo": return .lesson(.open("demo"))
        case "next": return .next
        case "back": return .back
        case "skip": return .skip
        case "hint": return .hint
        case "answer": throw Diagnostic(.expected(.answer, found: nil), at: endRange)
        case "quiz": return .quiz(try quizRequest())
        case "train": return .train(try trainingOptions())
        default: return nil
        }
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

    private mutating func netCommand() throws(Diagnostic) -> NetCommand {
        let t = peek
        let sub = try identifier()
        switch sub {
        case "example":
            let nameToken = peek
            let name = try nameWithDashes()
            guard Vocabulary.examples.contains(name) else {
                throw Diagnostic(.unknownName(name, kind: .example, suggestion: closestWord(to: name, in: Vocabulary.examples)), at: nameToken?.range)
            }
            return .example(name)
        case "save": return .save(path: try string())
        case "load": return .load(path: try string())
        case "export":
            let nameToken = peek
            let name = try identifier()
            guard Vocabulary.exportTargets.contains(name) else {
                throw Diagnostic(.unknownName(name, kind: .exportTarget, suggestion: closestWord(to: name, in: Vocabulary.exportTargets)), at: nameToken?.range)
            }
            return .export(name)
        default:
            throw Diagnostic(.unknownOption(command: "net", option: sub, allowed: Vocabulary.netSubcommands), at: t?.range)
        }
    }

    /// A name that may contain dashes and digits, such as `one-layer` or `convnetjs-cifar10`.
    mutating func nameWithDashes() throws(Diagnostic) -> String {
        var name = try identifier()
        while let t = peek, t.kind == .symbol("-"), position + 1 < tokens.count {
            let next = tokens[position + 1]
            // Only when the pieces touch: `one-layer`, not `one - layer`.
            guard next.range.column == t.range.column + 1, t.range.column == tokens[position - 1].range.column + tokens[position - 1].range.length else { break }
            switch next.kind {
            case .identifier(let part): name += "-" + part
            case .integer(let n): name += "-" + String(n)
            default: return name
            }
            position += 2
        }
        return name
    }

    private mutating func filterCommand() throws(Diagnostic) -> Command {
        let nameToken = peek
        let name = try identifier()
        guard Vocabulary.presets.contains(name) else {
            throw Diagnostic(.unknownName(name, kind: .preset, suggestion: closestWord(to: name, in: Vocabulary.presets)), at: nameToken?.range)
        }
        let options = try keywordOptions(command: "filter", allowed: ["size"], stopWords: ["as"])
        let size = try options["size"]?.positiveInteger()
        return .filter(name: name, size: size, binding: try binding(default: "K"))
    }

    private mutating func imageCommand() throws(Diagnostic) -> Command {
        let source: ImageSource
        if consumeWord("sample") {
            let nameToken = peek
            let name = try identifier()
            guard Vocabulary.samples.contains(name) else {
                throw Diagnostic(.unknownName(name, kind: .sample, suggestion: closestWord(to: name, in: Vocabulary.samples)), at: nameToken?.range)
            }
            var digit: Int?
            if name == "digit" {
                let (n, range) = try signedInteger()
                guard (0...9).contains(n) else {
                    throw Diagnostic(.invalidOption(name: "digit", value: String(n), rule: "0 ≤ digit ≤ 9"), at: range)
                }
                digit = n
            }
            source = .sample(name, digit: digit)
        } else {
            source = .file(try string())
        }
        var options = ImageOptions()
        while let t = peek, case .identifier(let word) = t.kind, word != "as" {
            position += 1
            switch word {
            case "gray", "grey": options.gray = true
            case "resize":
                guard let d = peek, case .dimensions(let dims) = d.kind, dims.count == 2, dims.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
                    throw Diagnostic(.expected(.shape, found: peek?.spelling), at: peek?.range ?? endRange)
                }
                position += 1
                options.resize = (dims[0], dims[1])
            case "scale":
                try expectSymbol("=", .equals)
                let (n, range) = try signedInteger()
                guard n == 1 || n == 255 else {
                    throw Diagnostic(.invalidOption(name: "scale", value: String(n), rule: "scale=1 or scale=255"), at: range)
                }
                options.scale = Float(n)
            default:
                throw Diagnostic(.unknownOption(command: "image", option: word, allowed: ["gray", "resize", "scale", "as"]), at: t.range)
            }
        }
        return .image(source, options, binding: try binding(default: "img"))
    }

    private mutating func heatmapCommand() throws(Diagnostic) -> Command {
        let value = try expression()
        let options = try keywordOptions(command: "heatmap", allowed: ["ch", "style", "size"])
        var spec = HeatmapSpec()
        if let ch = options["ch"] { spec.channel = try ch.integer() }
        if let style = options["style"] {
            guard case .identifier(let s) = style.token.kind, Vocabulary.heatmapStyles.contains(s) else {
                throw Diagnostic(.invalidOption(name: "style", value: style.token.spelling, rule: Vocabulary.heatmapStyles.joined(separator: "|")), at: style.range)
            }
            spec.style = s
        }
        if let size = options["size"] {
            guard case .dimensions(let d) = size.token.kind, d.count == 2, d.allSatisfy({ $0 >= 4 && $0 <= 1000 }) else {
                throw Diagnostic(.invalidOption(name: "size", value: size.token.spelling, rule: "size=WxH, 4 ≤ W, H ≤ 1000"), at: size.range)
            }
            spec.width = d[0]
            spec.height = d[1]
        }
        return .heatmap(value, spec)
    }

    /// `as NAME`, or `name` when absent.
    private mutating func binding(default name: String) throws(Diagnostic) -> String {
        consumeWord("as") ? try identifier() : name
    }
}
