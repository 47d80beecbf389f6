import CNNLabEngine

/// The `--json` fields of the lesson results. Texts come in both languages
/// (`{"en": …, "pt-BR": …}`), so a script needs no `--lang`.
enum LessonJSON {
    static func text(_ t: LocalizedText) -> JSONValue {
        .object([("en", .string(t.english)), ("pt-BR", .string(t.portuguese))])
    }

    static func item(_ i: LessonCatalog.Item) -> JSONValue {
        .object([
            ("number", i.number.map { .int($0) } ?? .null), ("name", .string(i.name)), ("title", text(i.title)),
            ("steps", .int(i.steps)), ("questions", .int(i.questions)),
            ("last_step", .int(i.progress?.lastStep ?? 0)),
            ("answered_right", .array((i.progress?.answeredRight ?? []).map { .int($0) })),
        ])
    }

    static func step(_ v: LessonStepView) -> [(String, JSONValue)] {
        [
            ("lesson", .string(v.lessonName)), ("number", v.lessonNumber.map { .int($0) } ?? .null), ("title", text(v.title)),
            ("step", .int(v.index + 1)), ("steps", .int(v.count)), ("heading", text(v.heading)),
            ("text", .array(v.paragraphs.map(text))),
            ("commands", .array(v.outcomes.map { outcome in
                .object([
                    ("source", .string(outcome.source)),
                    ("results", .array(outcome.results.map { result in
                        switch result {
                        case .success(let r): return JSONRenderer.value(r)
                        case .failure(let d): return .object([("error", .string(d.message(in: .en)))])
                        }
                    })),
                ])
            })),
            ("question", v.question.map { q in
                .object([("text", text(q.text)), ("choices", .array(q.choices.map(text))), ("answered", .bool(q.settled))])
            } ?? .null),
        ]
    }

    static func feedback(_ f: LessonFeedback) -> [(String, JSONValue)] {
        let verdict: String
        switch f.verdict {
        case .right: verdict = "right"
        case .wrong: verdict = "wrong"
        case .revealed: verdict = "revealed"
        case .hint: verdict = "hint"
        }
        return [
            ("verdict", .string(verdict)), ("given", f.given.map { .string($0) } ?? .null),
            ("answer", .string(f.answer)), ("attempts", .int(f.attempts)),
            ("hint", f.hint.map(text) ?? .null), ("explanation", f.explanation.map(text) ?? .null),
        ]
    }
}
