import CNNLabEngine

/// The text of the lesson results, as batch mode and the REPL print them: the list of
/// lessons, a step (narration, the commands it ran with their output, the question), the
/// feedback on an answer, and the end of a lesson. Lesson text is shown escaped
/// (``VisibleText``): a lesson file cannot send control sequences to the terminal.
public enum LessonRenderer {
    /// `lesson`: number, name, title, steps and progress.
    public static func catalog(_ c: LessonCatalog, context: RenderContext) -> String {
        let L = context.language
        var out = ""
        if let notice = c.notice { out += context.style.yellow(VisibleText.escaped(notice.text(in: L))) + "\n" }
        guard !c.items.isEmpty else {
            return out + L.pick("no lessons found", "nenhuma lição encontrada") + (c.directory.map { " (\(VisibleText.escaped($0)))" } ?? "") + "\n"
        }
        let header = [L.pick("no.", "nº"), L.pick("name", "nome"), L.pick("title", "título"), L.pick("steps", "passos"), L.pick("progress", "progresso")]
        let rows = c.items.map { item -> [String] in
            [item.number.map(String.init) ?? "–", VisibleText.escaped(item.name), VisibleText.escaped(item.title.text(in: L)), String(item.steps), progressText(item, L)]
        }
        let widths = header.indices.map { col in ([header[col]] + rows.map { $0[col] }).map(DisplayWidth.of).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { col, cell in
                col == 3 ? DisplayWidth.padLeft(cell, to: widths[col]) : DisplayWidth.padRight(cell, to: widths[col])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        out += context.style.bold(line(header)) + "\n"
        out += rows.map(line).joined(separator: "\n") + "\n"
        return out
    }

    /// `3/12, 2/4 right`, `done, 4/4 right`, or `–` when never opened.
    static func progressText(_ item: LessonCatalog.Item, _ L: Language) -> String {
        guard let p = item.progress, p.lastStep > 0 else { return "–" }
        var text = p.lastStep >= item.steps ? L.pick("done", "concluída") : "\(p.lastStep)/\(item.steps)"
        if item.questions > 0 {
            text += ", " + L.pick("\(p.answeredRight.count)/\(item.questions) right", "\(p.answeredRight.count)/\(item.questions) certas")
        }
        return text
    }

    /// A step: its heading, narration, each command with its output, and the question.
    /// `renderResult` draws a command's result (the front end's own rendering).
    public static func step(
        _ view: LessonStepView, context: RenderContext, renderResult: (CommandResult) -> String
    ) -> String {
        let L = context.language
        let s = context.style
        let width = max(20, min(context.width, 100))
        var out = s.bold(header(view, L)) + "\n"
        out += s.bold(VisibleText.escaped(view.heading.text(in: L))) + "\n\n"
        for paragraph in view.paragraphs {
            out += DisplayWidth.wrap(VisibleText.escaped(paragraph.text(in: L)), to: width).joined(separator: "\n") + "\n\n"
        }
        for outcome in view.outcomes {
            out += s.cyan("> " + VisibleText.escaped(outcome.source)) + "\n"
            for result in outcome.results {
                switch result {
                case .success(let r): out += renderResult(r)
                case .failure(let d): out += DiagnosticRenderer.render(d, source: outcome.source, language: L, style: s)
                }
            }
        }
        if !view.outcomes.isEmpty { out += "\n" }
        if let q = view.question {
            out += s.yellow("? ") + s.bold(VisibleText.escaped(q.text.text(in: L))) + "\n"
            for (i, choice) in q.choices.enumerated() {
                out += "  \(i + 1)) " + VisibleText.escaped(choice.text(in: L)) + "\n"
            }
            out += s.dim(q.settled ? L.pick("(answered) `next` goes on", "(respondida) `next` continua") : answerHint(q, L)) + "\n"
        } else {
            out += s.dim(view.isLast ? L.pick("`next` ends the lesson, `back` goes back", "`next` termina a lição, `back` volta") : L.pick("`next` goes on, `back` goes back", "`next` continua, `back` volta")) + "\n"
        }
        if let notice = view.notice { out += s.yellow(VisibleText.escaped(notice.text(in: L))) + "\n" }
        return out
    }

    /// `Lesson 1 · step 2/12 · One layer of a CNN` (the step first: a narrow pane cuts the end).
    public static func header(_ view: LessonStepView, _ L: Language) -> String {
        let number = view.lessonNumber.map { L.pick("Lesson \($0)", "Lição \($0)") + " · " } ?? ""
        return number + L.pick("step", "passo") + " \(view.index + 1)/\(view.count) · " + VisibleText.escaped(view.title.text(in: L))
    }

    static func answerHint(_ q: LessonStepView.QuestionView, _ L: Language) -> String {
        q.choices.isEmpty
            ? L.pick("type your answer (`hint` for a hint, `skip` to see it)", "digite sua resposta (`hint` para uma dica, `skip` para vê-la)")
            : L.pick("type the number of your choice (`hint`, `skip`)", "digite o número da sua opção (`hint`, `skip`)")
    }

    /// The feedback on an answer, a hint or a skip.
    public static func feedback(_ f: LessonFeedback, context: RenderContext) -> String {
        let L = context.language
        let s = context.style
        let unicode = context.capabilities.unicode
        var out = ""
        let answer = f.answer + (f.choice.map { ") " + VisibleText.escaped($0.text(in: L)) } ?? "")
        switch f.verdict {
        case .right:
            out += s.bold((unicode ? "✓ " : "") + L.pick("Right!", "Certo!")) + " " + answer + "\n"
        case .wrong:
            let given = f.given.map { " (" + VisibleText.escaped($0) + ")" } ?? ""
            out += s.red((unicode ? "✗ " : "") + L.pick("Not quite", "Ainda não")) + given + ". " + L.pick("Try again, or `skip`.", "Tente de novo, ou `skip`.") + "\n"
        case .revealed:
            out += s.bold(L.pick("The answer is ", "A resposta é ") + answer) + "\n"
        case .hint:
            break
        }
        if let hint = f.hint, f.verdict != .revealed {
            out += s.yellow(L.pick("hint: ", "dica: ")) + VisibleText.escaped(hint.text(in: L)) + "\n"
        }
        if let explanation = f.explanation {
            out += DisplayWidth.wrap(VisibleText.escaped(explanation.text(in: L)), to: max(20, min(context.width, 100))).joined(separator: "\n") + "\n"
        }
        if f.verdict == .right || f.verdict == .revealed {
            out += s.dim(f.hasNextStep ? L.pick("`next` goes on", "`next` continua") : L.pick("`next` ends the lesson", "`next` termina a lição")) + "\n"
        }
        return out
    }

    /// A lesson finished or stopped.
    public static func ending(_ e: LessonEnding, context: RenderContext) -> String {
        let L = context.language
        let title = VisibleText.escaped(e.title.text(in: L))
        var out = e.finished ? L.pick("Lesson finished: ", "Lição concluída: ") + title : L.pick("Lesson closed: ", "Lição fechada: ") + title
        if e.questions > 0 { out += " — " + L.pick("\(e.right)/\(e.questions) questions right", "\(e.right)/\(e.questions) perguntas certas") }
        return out + "\n"
    }
}
