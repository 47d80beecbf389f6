import ArgumentParser
import CNNLabEngine
import CNNLabLineEditor
import CNNLabTerminal
import Foundation

/// `cnnlab repl`: the interactive prompt, with line editing, history and tab completion.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandLineLanguage.pick(
            "Type commands at a prompt that shows the network's output shape (history, Tab completion).",
            "Digite comandos num prompt que mostra o formato de saída da rede (histórico, completar com Tab)."))

    @OptionGroup var options: FrontEndOptions

    func run() throws {
        Repl.start(options: options)
    }

    /// The read-print loop: reads lines with readline, hands them to a `ReplSession`, prints
    /// the replies. Ends on `quit`/`exit` or Ctrl-D (exit status 0); Ctrl-C drops the line.
    /// History that cannot be kept in its file is said once, before the banner.
    /// `first`, when given, runs before the first prompt (`cnnlab lesson 2` opens the lesson).
    static func start(options: FrontEndOptions, first: String? = nil) {
        let environment = ProcessInfo.processInfo.environment
        let repl = ReplSession(session: options.makeSession(), context: options.renderContext)
        let editor = LineEditor(historyFile: HistoryLocation.path(environment: environment))
        editor.completer = { line, wordStart, word in repl.completions(line: line, wordStart: wordStart, word: word) }

        if let problem = editor.historyProblem { writeError(HistoryWarning.text(problem, in: options.language) + "\n") }
        writeOutput(repl.banner)
        if let first, repl.handle(first, output: { writeOutput($0) }, errors: writeError) { return }
        while true {
            fflush(nil)
            switch editor.readLine(prompt: repl.prompt) {
            case .endOfFile:
                return
            case .interrupted:
                continue
            case .line(let line):
                editor.addHistory(line)
                repl.context = options.renderContext  // the window may have been resized
                let quit = interruptible {
                    repl.handle(
                        line,
                        output: { text in
                            writeOutput(text)
                            fflush(nil)
                        },
                        errors: writeError)
                }
                if quit { return }
            }
        }
    }
}
