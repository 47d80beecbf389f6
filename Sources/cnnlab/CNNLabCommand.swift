import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab`: the entry point. Parses arguments and hands over to a front end.
@main
struct CNNLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnnlab",
        abstract: CommandLineLanguage.pick(
            "A terminal lab for convolutional neural networks: shapes, parameters, convolutions, heatmaps.",
            "Um laboratório no terminal para redes neurais convolucionais: formatos, parâmetros, convoluções, mapas de calor."),
        discussion: CommandLineLanguage.pick(
            """
            Commands are separated by newlines or ';'. Examples:
              cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; summary'
              cnnlab -c 'image sample edges; filter vertical; heatmap img * K'
              cnnlab lesson 1      (cnnlab quiz: a quiz)
              cnnlab          the full-screen interface (cnnlab repl: a prompt)
            """,
            """
            Os comandos são separados por quebras de linha ou ';'. Exemplos:
              cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; summary'
              cnnlab -c 'image sample edges; filter vertical; heatmap img * K'
              cnnlab lesson 1      (cnnlab quiz: um quiz)
              cnnlab          a interface de tela cheia (cnnlab repl: um prompt)
            """),
        version: VersionText.text,
        subcommands: [Tui.self, Repl.self, Run.self, LessonSubcommand.self, QuizSubcommand.self, TrainSubcommand.self, Bench.self])

    @Option(
        name: .short,
        help: ArgumentHelp(
            CommandLineLanguage.pick(
                "Commands to run, separated by ';' or newlines.", "Comandos a executar, separados por ';' ou quebras de linha."),
            valueName: CommandLineLanguage.pick("commands", "comandos")))
    var commands: String?

    @OptionGroup var options: FrontEndOptions

    /// Parses, runs, and on a help request or an error prints the parser's report (with its own
    /// words in pt-BR when that is the command line's language, `ArgumentParserText`) and exits
    /// with its status, as `ParsableCommand.main()` does.
    static func main() {
        QuitSignal.install()
        // History, progress and scores lived in the data directory before they moved to the
        // state directory; they follow once.
        LegacyFiles.move(StateLocation.moves(environment: ProcessInfo.processInfo.environment))
        // The kernel set, before anything computes (and before `--version` names it); the
        // `--kernels` option, validated with the others, overrides it.
        let kernels = ProcessInfo.processInfo.environment["CNNLAB_KERNELS"].flatMap { $0.isEmpty ? nil : $0 }
        if let message = KernelChoice.apply(kernels, option: "CNNLAB_KERNELS", language: CommandLineLanguage.current) {
            writeError(VisibleText.escapedLines(message) + "\n")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardStreams.finish(language: CommandLineLanguage.current)
        } catch {
            let code = exitCode(for: error)
            // The parser's messages quote the arguments, which a shell glob may have filled
            // with hostile file names: shown escaped.
            var message = VisibleText.escapedLines(fullMessage(for: error))
            if CommandLineLanguage.current == .ptBR { message = ArgumentParserText.portuguese(message) }
            if !message.isEmpty {
                if code.isSuccess {
                    writeOutput(message + "\n")
                } else {
                    writeError(message + "\n")
                }
            }
            StandardStreams.finish(language: CommandLineLanguage.current)
            Foundation.exit(code.rawValue)
        }
    }

    func run() throws {
        if let commands {
            try options.runBatch(commands)
            return
        }
        let term = ProcessInfo.processInfo.environment["TERM"]
        switch defaultFrontEnd(stdinIsTTY: isatty(0) != 0, stdoutIsTTY: isatty(1) != 0, term: term) {
        case .batch: try options.runBatch(try readAllStandardInput(options.language))
        case .tui: try runTUI(options)
        case .repl: Repl.start(options: options)
        }
    }
}
