import CNNLabEngine

/// The text of the quiz results as batch mode and the REPL print them: a question, the verdict
/// on an answer (with the right answer's derivation and the named mistake when wrong), the
/// score at the end, the kept scores and the topics. A teacher's question text is escaped.
public enum QuizRenderer {
    /// `Question 3/10 · conv parameters` and the question.
    public static func question(_ q: QuizQuestionView, context: RenderContext) -> String {
        let L = context.language
        var out = context.style.bold(header(q, L)) + "\n"
        out += wrap(q.item.text.text(in: L), context) + "\n"
        for (i, choice) in q.item.choices.enumerated() {
            out += "  \(i + 1)) " + VisibleText.escaped(choice.text(in: L)) + "\n"
        }
        return out
    }

    /// `Question 3/10 · conv parameters` (a teacher's question has no topic).
    public static func header(_ q: QuizQuestionView, _ L: Language) -> String {
        L.pick("Question", "Pergunta") + " \(q.index + 1)/\(q.count)" + (q.item.topic.map { " · " + $0.name(in: L) } ?? "")
    }

    /// The verdict, the derivation when the answer was not right, then the next question or the score.
    public static func feedback(_ f: QuizFeedback, context: RenderContext) -> String {
        var out = verdictLines(f, context: context).joined(separator: "\n") + "\n"
        if let next = f.next { out += "\n" + question(next, context: context) }
        if let summary = f.summary { out += "\n" + self.summary(summary, context: context) }
        return out
    }

    /// The verdict on one answer as lines: right or wrong, the named mistake, the derivation.
    public static func verdictLines(_ f: QuizFeedback, context: RenderContext) -> [String] {
        let L = context.language
        let s = context.style
        let unicode = context.capabilities.unicode
        var lines: [String] = []
        switch f.verdict {
        case .right:
            lines.append(s.bold((unicode ? "✓ " : "") + L.pick("Right: ", "Certo: ") + f.answer))
            return lines
        case .wrong:
            let given = VisibleText.escaped(f.given ?? "")
            lines.append(s.red((unicode ? "✗ " : "") + L.pick("Wrong: ", "Errado: ")) + L.pick("you answered \(given); the answer is ", "você respondeu \(given); a resposta é ") + s.bold(f.answer))
        case .skipped:
            lines.append(L.pick("Skipped: the answer is ", "Pulada: a resposta é ") + s.bold(f.answer))
        }
        if let m = f.mistake {
            lines.append(s.yellow(L.pick("Mistake: ", "Erro: ") + m.name(in: L)) + " — " + m.explanation(in: L))
        }
        if case .generated(let q) = f.question.item {
            lines.append(L.pick("How it is derived:", "Como se deduz:"))
            for line in LayerRenderer.derivationLines(q.derivation, language: L) {
                lines.append(line.isNote ? "      " + s.dim("↳ " + line.text) : "  " + line.text)
            }
        }
        if case .fixed(let q) = f.question.item, let e = q.explanation {
            lines.append(VisibleText.escaped(e.text(in: L)))
        }
        return lines
    }

    /// `Score: 8/10 (80%)`, then the tally by topic and the mistakes made.
    public static func summary(_ m: QuizSummary, context: RenderContext) -> String {
        let L = context.language
        let s = context.style
        let percent = m.count == 0 ? 0 : m.right * 100 / m.count
        var out = s.bold(L.pick("Score: ", "Pontuação: ") + "\(m.right)/\(m.count)") + " (\(percent)%)"
        if m.stopped { out += L.pick(", stopped after \(m.asked) questions", ", interrompido após \(m.asked) perguntas") }
        out += "\n"
        var rows = m.score.topics.map { topic -> [String] in
            let t = m.score.perTopic[topic] ?? QuizScore.Tally()
            return [topic.name(in: L), String(t.right), String(t.wrong), String(t.skipped)]
        }
        if m.fixed.total > 0 {
            rows.append([L.pick("teacher's questions", "perguntas do professor"), String(m.fixed.right), String(m.fixed.wrong), String(m.fixed.skipped)])
        }
        if !rows.isEmpty {
            out += table([L.pick("topic", "tópico"), L.pick("right", "certas"), L.pick("wrong", "erradas"), L.pick("skipped", "puladas")], rows, s)
        }
        let made = QuizMistake.allCases.compactMap { mistake in m.score.mistakes[mistake].map { "\(mistake.name(in: L)) ×\($0)" } }
        if !made.isEmpty { out += L.pick("Mistakes: ", "Erros: ") + made.joined(separator: ", ") + "\n" }
        if let notice = m.notice { out += s.yellow(VisibleText.escaped(notice)) + "\n" }
        return out
    }

    /// `quiz stats`: sessions, answers and the recent success rate of every topic asked.
    public static func stats(_ stats: QuizStats, notice: String?, context: RenderContext) -> String {
        let L = context.language
        var out = notice.map { context.style.yellow(VisibleText.escaped($0)) + "\n" } ?? ""
        let rows = QuizTopic.allCases.compactMap { topic -> [String]? in
            guard let sessions = stats.history[topic], !sessions.isEmpty else { return nil }
            let right = sessions.reduce(0) { $0 &+ $1.right }, total = sessions.reduce(0) { $0 &+ $1.total }
            let recent = stats.recentRate(topic).map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
            let lately = sessions.suffix(QuizStats.recentSessions).map { "\($0.right)/\($0.total)" }.joined(separator: " ")
            return [topic.name(in: L), String(sessions.count), "\(right)/\(total)", recent, lately]
        }
        guard !rows.isEmpty else { return out + L.pick("no quiz taken yet: `quiz` starts one\n", "nenhum quiz feito ainda: `quiz` começa um\n") }
        out += table(
            [L.pick("topic", "tópico"), L.pick("quizzes", "quizzes"), L.pick("right", "certas"), L.pick("recent", "recente"),
             L.pick("last quizzes, oldest first", "últimos quizzes, do mais antigo")], rows,
            context.style)
        return out
    }

    /// `quiz topics`: each topic's name for `topic=` and what it asks.
    public static func topics(_ topics: [QuizTopic], context: RenderContext) -> String {
        let width = topics.map { $0.rawValue.count }.max() ?? 0
        return topics.map { DisplayWidth.padRight(context.style.bold($0.rawValue), to: width) + "  " + $0.name(in: context.language) }
            .joined(separator: "\n") + "\n"
    }

    private static func table(_ header: [String], _ rows: [[String]], _ style: TextStyle) -> String {
        let widths = header.indices.map { col in ([header[col]] + rows.map { $0[col] }).map(DisplayWidth.of).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { col, cell in
                col == 0 || col == 4 ? DisplayWidth.padRight(cell, to: widths[col]) : DisplayWidth.padLeft(cell, to: widths[col])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return style.bold(line(header)) + "\n" + rows.map(line).joined(separator: "\n") + "\n"
    }

    private static func wrap(_ text: String, _ context: RenderContext) -> String {
        // Indented lines (a matrix written out row by row) keep their layout.
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { line -> [String] in
                let escaped = VisibleText.escaped(String(line))
                return line.hasPrefix(" ") ? [escaped] : DisplayWidth.wrap(escaped, to: max(20, min(context.width, 100)))
            }
            .joined(separator: "\n")
    }
}
