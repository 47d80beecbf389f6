import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab`: the entry point. Parses arguments and hands over to a front end.
@main
struct CNNLabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cnnlab",
        abstract: "A terminal lab for convolutional neural networks: shapes, parameters, convolutions, heatmaps.",
        discussion: """
            Commands are separated by newlines or ';'. Examples:
              cnnlab -c 'input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; summary'
              cnnlab -c 'image sample edges; filter vertical; heatmap img * K'
              cnnlab run Lessons/01-one-layer.cnn
              cnnlab          the full-screen interface (cnnlab repl: a prompt)
            """,
        subcommands: [Tui.self, Repl.self, Run.self, Bench.self])

    @Option(name: .short, help: ArgumentHelp("Commands to run, separated by ';' or newlines.", valueName: "commands"))
    var commands: String?

    @OptionGroup var options: FrontEndOptions

    func run() throws {
        if let commands {
            try options.runBatch(commands)
            return
        }
        let term = ProcessInfo.processInfo.environment["TERM"]
        switch defaultFrontEnd(stdinIsTTY: isatty(0) != 0, stdoutIsTTY: isatty(1) != 0, term: term) {
        case .batch: try options.runBatch(readAllStandardInput())
        case .tui: try runTUI(options)
        case .repl: Repl.start(options: options)
        }
    }
}
