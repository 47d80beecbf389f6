import CNNLabEngine

/// The `--json` fields of the quiz. A question is `kind` (the topic, or `fixed` for a
/// teacher's), `text` in the chosen language, `params` (every number it is built from, by
/// plain name) and `answer` (a number, or a list for a shape): a contract teachers and
/// scripts build on, so extend it, never rename.
public enum QuizJSON {
    /// One question as `cnnlab quiz --json` prints it.
    public static func question(_ item: QuizItem, language: Language) -> JSONValue {
        switch item {
        case .generated(let q):
            return .object([
                ("kind", .string(q.topic.rawValue)), ("text", .string(q.text.text(in: language))),
                ("params", .object(q.params.map { ($0.name, value($0.value)) })), ("answer", answer(q.answer)),
                ("mistakes", .array(q.mistakes.map { .object([("mistake", .string($0.0.rawValue)), ("answer", answer($0.1))]) })),
            ])
        case .fixed(let q):
            let answerValue: JSONValue
            switch q.answer {
            case .number(let d): answerValue = .number(d)
            case .shape(let dims): answerValue = .array(dims.map { .int($0) })
            case .choice(let n): answerValue = .int(n)
            }
            return .object([
                ("kind", .string("fixed")), ("text", .string(q.text.text(in: language))), ("params", .object([])),
                ("choices", .array(q.choices.map { .string($0.text(in: language)) })), ("answer", answerValue),
            ])
        }
    }

    static func answer(_ a: QuizAnswer) -> JSONValue {
        switch a {
        case .number(let d): return d == d.rounded() && abs(d) < 9e15 ? .int(Int(d)) : .number(d)
        case .shape(let dims): return .array(dims.map { .int($0) })
        case .matrix(let rows): return .array(rows.map { .array($0.map { .number($0) }) })
        }
    }

    static func value(_ v: QuizParameter.Value) -> JSONValue {
        switch v {
        case .int(let n): return .int(n)
        case .shape(let dims): return .array(dims.map { .int($0) })
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .matrix(let rows): return .array(rows.map { .array($0.map { .number($0) }) })
        case .strings(let xs): return .array(xs.map { .string($0) })
        }
    }

    static func tally(_ t: QuizScore.Tally) -> JSONValue {
        .object([("right", .int(t.right)), ("wrong", .int(t.wrong)), ("skipped", .int(t.skipped))])
    }

    static func summary(_ m: QuizSummary) -> JSONValue {
        .object([
            ("right", .int(m.right)), ("count", .int(m.count)), ("asked", .int(m.asked)), ("stopped", .bool(m.stopped)),
            ("topics", .object(m.score.topics.map { ($0.rawValue, tally(m.score.perTopic[$0] ?? QuizScore.Tally())) })),
            ("mistakes", .object(QuizMistake.allCases.compactMap { k in m.score.mistakes[k].map { (k.rawValue, .int($0)) } })),
        ])
    }

    static func fields(_ result: CommandResult) -> [(String, JSONValue)] {
        switch result {
        case .quizQuestion(let q):
            return [("index", .int(q.index + 1)), ("count", .int(q.count)), ("question", question(q.item, language: .en))]
        case .quizFeedback(let f):
            var fields: [(String, JSONValue)] = [
                ("index", .int(f.question.index + 1)), ("verdict", .string(f.verdict.rawValue)),
                ("given", f.given.map { .string($0) } ?? .null), ("answer", .string(f.answer)),
                ("mistake", f.mistake.map { .string($0.rawValue) } ?? .null),
            ]
            if let next = f.next { fields.append(("next", question(next.item, language: .en))) }
            if let summary = f.summary { fields.append(("summary", self.summary(summary))) }
            return fields
        case .quizEnded(let m):
            return [("summary", summary(m))]
        case .quizStats(let stats, _):
            return [("topics", .object(QuizTopic.allCases.compactMap { topic in
                stats.history[topic].map { sessions in
                    (topic.rawValue, .array(sessions.map { .object([("right", .int($0.right)), ("total", .int($0.total))]) }))
                }
            }))]
        case .quizTopics(let topics):
            return [("topics", .array(topics.map { .string($0.rawValue) }))]
        default:
            return []
        }
    }
}
