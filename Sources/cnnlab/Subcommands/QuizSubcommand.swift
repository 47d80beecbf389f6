import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab quiz`: a quiz on parameter counts and shapes, interactive on a terminal, answers
/// read one per line from standard input otherwise, or (`--json`) the questions alone.
struct QuizSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: CommandLineLanguage.pick(
            "A quiz on parameter counts and shapes; a wrong answer shows the derivation and names the mistake.",
            "Um quiz sobre número de parâmetros e formatos; uma resposta errada mostra a dedução e nomeia o erro."),
        discussion: CommandLineLanguage.pick(
            """
            Without a terminal the answers are read from standard input, one per line (a blank or
            missing line is skipped), and the score is printed as N/M at the end. `cnnlab quiz stats`
            shows the scores kept between runs.
            """,
            """
            Sem um terminal as respostas são lidas da entrada padrão, uma por linha (uma linha vazia
            ou ausente é pulada), e a pontuação é impressa como N/M no fim. `cnnlab quiz stats`
            mostra a pontuação guardada entre execuções.
            """))

    @Argument(help: CommandLineLanguage.help("'stats' shows the kept scores.", "'stats' mostra a pontuação guardada."))
    var action: String?

    @Option(help: CommandLineLanguage.help("Questions to ask.", "Número de perguntas."))
    var count: Int = QuizOptions.defaultCount

    @Option(help: CommandLineLanguage.help(
        "A topic to ask about (repeatable; 'list' shows them).", "Um tópico a perguntar (repetível; 'list' mostra os tópicos)."))
    var topic: [String] = []

    @Option(help: CommandLineLanguage.help(
        "The same seed gives the same quiz, byte for byte.", "A mesma semente dá o mesmo quiz, byte a byte."))
    var seed: UInt64?

    @Option(
        help: CommandLineLanguage.help(
            "Ask the questions of a lesson file instead (the lessons' question format).",
            "Faz as perguntas de um arquivo de lição (o formato de perguntas das lições)."),
        completion: .file(extensions: ["lesson"]))
    var from: String?

    @OptionGroup var options: FrontEndOptions

    func validate() throws {
        let L = options.language
        if let action, action != "stats" {
            throw ValidationError(L.pick("unknown action '\(action)': use stats", "ação desconhecida '\(action)': use stats"))
        }
        guard (1...QuizOptions.maxCount).contains(count) else {
            throw ValidationError(L.pick("--count must be between 1 and \(QuizOptions.maxCount)", "--count deve estar entre 1 e \(QuizOptions.maxCount)"))
        }
        for t in topic where t != "list" && QuizTopic(rawValue: t) == nil {
            let suggestion = closestWord(to: t, in: QuizTopic.allCases.map(\.rawValue)).map { L.pick(" (did you mean '\($0)'?)", " (você quis dizer '\($0)'?)") } ?? ""
            throw ValidationError(L.pick("unknown topic '\(t)'", "tópico desconhecido '\(t)'") + suggestion + L.pick("; --topic list shows them", "; --topic list mostra os tópicos"))
        }
    }

    var quizOptions: QuizOptions {
        QuizOptions(count: count, topics: topic.compactMap(QuizTopic.init(rawValue:)), seed: seed, file: from)
    }

    /// The quiz as a command of the language, for the TUI and the REPL to start with.
    var command: String {
        var words = ["quiz", "count=\(count)"]
        words += quizOptions.topics.map { "topic=" + $0.rawValue }
        if let seed { words.append("seed=\(seed)") }
        if let from { words.append("from \"" + from.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"") }
        return words.joined(separator: " ")
    }

    func run() throws {
        if topic.contains("list") { return try options.runBatch("quiz topics") }
        if action == "stats" { return try options.runBatch("quiz stats") }
        if options.json { return try printQuestions() }
        let term = ProcessInfo.processInfo.environment["TERM"]
        switch defaultFrontEnd(stdinIsTTY: isatty(0) != 0, stdoutIsTTY: isatty(1) != 0, term: term) {
        case .tui: try runTUI(options, first: command)
        case .repl: Repl.start(options: options, first: command)
        case .batch: try answerFromStandardInput()
        }
    }

    /// `--json`: one object per question, nothing asked.
    private func printQuestions() throws {
        do {
            for item in try options.makeSession().makeQuiz(quizOptions) {
                writeOutput(QuizJSON.question(item, language: options.language).serialized() + "\n")
            }
        } catch {
            writeError(JSONRenderer.render(error, language: options.language) + "\n")
            throw ExitCode(1)
        }
    }

    /// Standard input holds the answers, one per line; a blank or missing line is skipped, an
    /// unreadable one is reported and skipped.
    private func answerFromStandardInput() throws {
        let session = options.makeSession()
        let context = options.renderContext
        var answers = try readAllStandardInput(options.language).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        let start = Statement(command: .quiz(.start(quizOptions)), range: SourceRange(line: 1, column: 1, length: 1))
        var result: CommandResult
        do {
            result = try session.run(start)
        } catch {
            writeError(DiagnosticRenderer.render(error, source: command, language: options.language))
            throw ExitCode(1)
        }
        writeOutput(ResultRenderer.render(result, context: context))
        while !Self.isOver(result) {
            let text = answers.isEmpty ? "" : answers.removeFirst()
            let range = SourceRange(line: 1, column: 1, length: max(1, text.count))
            do {
                result = try session.run(Statement(command: .answer(text), range: range))
            } catch {
                writeError(DiagnosticRenderer.render(error, source: text, language: options.language))
                result = (try? session.run(Statement(command: .skip, range: range))) ?? result
            }
            writeOutput(ResultRenderer.render(result, context: context))
        }
    }

    /// Whether `result` ends the quiz (the last answer's feedback carries the score).
    private static func isOver(_ result: CommandResult) -> Bool {
        switch result {
        case .quizFeedback(let f): return f.summary != nil
        case .quizQuestion: return false
        default: return true
        }
    }
}
