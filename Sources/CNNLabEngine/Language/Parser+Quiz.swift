/// `quiz [count=N] [topic=T]... [seed=S] [from "FILE"]` and `quiz stats|topics|stop`.
extension Parser {
    mutating func quizRequest() throws(Diagnostic) -> QuizRequest {
        if consumeWord("stats") { return .stats }
        if consumeWord("topics") { return .topics }
        if consumeWord("stop") { return .stop }
        var options = QuizOptions()
        while let t = peek {
            guard case .identifier(let word) = t.kind else {
                throw Diagnostic(.unknownOption(command: "quiz", option: t.spelling, allowed: Vocabulary.quizSubcommands), at: t.range)
            }
            position += 1
            switch word {
            case "from":
                options.file = try string()
            case "count":
                try expectSymbol("=", .equals)
                let (n, range) = try signedInteger()
                guard (1...QuizOptions.maxCount).contains(n) else {
                    throw Diagnostic(.invalidOption(name: "count", value: String(n), rule: "1 ≤ count ≤ \(QuizOptions.maxCount)"), at: range)
                }
                options.count = n
            case "seed":
                try expectSymbol("=", .equals)
                let (n, range) = try signedInteger()
                guard n >= 0 else { throw Diagnostic(.invalidOption(name: "seed", value: String(n), rule: "seed ≥ 0"), at: range) }
                options.seed = UInt64(n)
            case "topic":
                try expectSymbol("=", .equals)
                let nameToken = peek
                let name = try nameWithDashes()
                guard let topic = QuizTopic(rawValue: name) else {
                    throw Diagnostic(
                        .activity(.unknownTopic(name, suggestion: closestWord(to: name, in: QuizTopic.allCases.map(\.rawValue)))),
                        at: nameToken?.range)
                }
                if !options.topics.contains(topic) { options.topics.append(topic) }
            default:
                throw Diagnostic(.unknownOption(command: "quiz", option: word, allowed: Vocabulary.quizSubcommands), at: t.range)
            }
        }
        return .start(options)
    }
}
