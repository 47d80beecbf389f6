import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab lesson`: list, open or check the lessons.
struct LessonSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: CommandLineLanguage.pick(
            "Follow the lecture as guided lessons; --list shows them, --check checks them.",
            "Siga a aula em lições guiadas; --list mostra as lições, --check as verifica."))

    @Argument(help: CommandLineLanguage.help(
        "The lesson: its number or its name (see --list).", "A lição: seu número ou seu nome (veja --list)."))
    var name: String?

    @Flag(help: CommandLineLanguage.help(
        "List the lessons with your progress.", "Lista as lições com o seu progresso."))
    var list = false

    @Flag(help: CommandLineLanguage.help(
        "Run every step of the lessons (or of NAME) in both languages and report what fails.",
        "Executa cada passo das lições (ou de NAME) nos dois idiomas e relata o que falha."))
    var check = false

    @OptionGroup var options: FrontEndOptions

    func validate() throws {
        if !list && !check && name == nil {
            throw ValidationError(options.language.pick(
                "give a lesson (its number or name), --list or --check", "indique uma lição (número ou nome), --list ou --check"))
        }
    }

    func run() throws {
        if check { return try runCheck() }
        if list { return try options.runBatch("lesson") }
        let open = "lesson " + (name ?? "")
        let term = ProcessInfo.processInfo.environment["TERM"]
        switch defaultFrontEnd(stdinIsTTY: isatty(0) != 0, stdoutIsTTY: isatty(1) != 0, term: term) {
        case .tui: try runTUI(options, first: open)
        case .repl: Repl.start(options: options, first: open)
        case .batch:
            // Answers and commands come from standard input, one per line; a wrong answer
            // does not stop the rest.
            var batch = options
            batch.keepGoing = true
            try batch.runBatch(open + "\n" + (try readAllStandardInput(options.language)))
        }
    }

    /// `--check`: every problem as `file:line: message` on stderr, a summary on stdout.
    private func runCheck() throws {
        let session = options.makeSession()
        var entries = session.lessons.entries()
        if let name {
            do {
                entries = [try session.lessons.entry(name)]
            } catch {
                writeError(DiagnosticRenderer.render(error, source: "", language: options.language))
                throw ExitCode(1)
            }
        }
        let L = options.language
        guard !entries.isEmpty else {
            writeError(L.pick("error: no lessons found\n", "erro: nenhuma lição encontrada\n"))
            throw ExitCode(1)
        }
        let output = NSTemporaryDirectory() + "cnnlab-lesson-check-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let checker = LessonCheckRunner.checker(outputDirectory: output)
        var problems = 0
        for entry in entries {
            let found = checker.check(entry)
            problems += found.count
            for problem in found { writeError(VisibleText.escaped(problem.description(in: L)) + "\n") }
        }
        writeOutput(LessonCheckRunner.summary(lessons: entries.count, problems: problems, language: L) + "\n")
        if problems > 0 { throw ExitCode(1) }
    }
}
