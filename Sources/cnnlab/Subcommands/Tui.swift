import ArgumentParser
import CNNLabCurses
import CNNLabEngine
import CNNLabLineEditor
import CNNLabTerminal
import Foundation

/// `cnnlab tui`: the full-screen terminal interface.
struct Tui: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandLineLanguage.pick(
            "Full-screen interface: network, derivations, heatmaps and the convolution stepper.",
            "Interface de tela cheia: rede, deduções, mapas de calor e a convolução passo a passo."))

    @OptionGroup var options: FrontEndOptions

    func run() throws {
        try runTUI(options)
    }
}

/// Runs the TUI on the terminal until the user quits; the terminal is restored on every exit.
/// `first`, when given, runs before the first key (`cnnlab lesson 2` opens the lesson).
func runTUI(_ options: FrontEndOptions, first: String? = nil) throws {
    let environment = ProcessInfo.processInfo.environment
    let capabilities = TerminalCapabilities.detect(environment: environment, isTTY: true, colorFlag: options.color)
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let wantsColor = options.color == .always || (options.color == .auto && !noColor)
    let screen: CursesScreen
    do {
        screen = try CursesScreen(color: wantsColor)
    } catch {
        writeError(
            options.language.pick(
                "error: cannot start the full-screen interface on this terminal\n",
                "erro: não foi possível iniciar a interface de tela cheia neste terminal\n"))
        throw ExitCode(1)
    }
    defer { screen.close() }
    let state = TUIState(
        language: options.language, color: screen.hasColors, palette: screen.palette, unicode: capabilities.unicode)
    let readline = LineEditor(historyFile: HistoryLocation.path(environment: environment))
    let controller = TUIController(
        driver: screen, editor: ReadlineCommandLine(readline), state: state,
        makeSession: { options.makeSession() })
    readline.completer = { [weak controller] line, wordStart, word in
        guard let controller else { return [] }
        return controller.completer.candidates(line: line, wordStart: wordStart, word: word)
    }
    readline.listMatches = { [weak controller] matches in controller?.showCompletions(matches) }
    if let problem = readline.historyProblem { controller.inform(HistoryWarning.text(problem, in: options.language)) }
    if let first { controller.execute(first) }
    controller.run()
}
