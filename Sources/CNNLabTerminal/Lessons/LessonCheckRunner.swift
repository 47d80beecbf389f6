import CNNLabEngine

/// The pieces `lesson --check` needs from the terminal layer: the plain text a result
/// prints (what `=` lines are compared with) and the closing line.
public enum LessonCheckRunner {
    /// A checker that renders results as batch mode does on a plain 80-column terminal.
    public static func checker(outputDirectory: String) -> LessonChecker {
        LessonChecker(
            outputDirectory: outputDirectory,
            render: { result, language in
                ResultRenderer.render(result, context: RenderContext(language: language, style: .plain, width: 80))
            },
            message: { diagnostic, language in diagnostic.message(in: language) })
    }

    /// `9 lessons checked in en and pt-BR: no problems` (or how many).
    public static func summary(lessons: Int, problems: Int, language L: Language) -> String {
        let what = L.pick(
            lessons == 1 ? "1 lesson checked in en and pt-BR" : "\(lessons) lessons checked in en and pt-BR",
            lessons == 1 ? "1 lição verificada em en e pt-BR" : "\(lessons) lições verificadas em en e pt-BR")
        let result = problems == 0
            ? L.pick("no problems", "nenhum problema")
            : L.pick("\(problems) problem\(problems == 1 ? "" : "s")", "\(problems) problema\(problems == 1 ? "" : "s")")
        return what + ": " + result
    }
}
