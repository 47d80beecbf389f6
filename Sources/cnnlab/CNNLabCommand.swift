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
              cnnlab -c 'let A = [[10,10,0],[10,10,0],[10,10,0]]; let K = [[1,0,-1],[1,0,-1],[1,0,-1]]; show A * K'
              cnnlab run lesson.cnn
              cnnlab repl            (or just cnnlab, on a terminal)
            """,
        subcommands: [Repl.self, Run.self, Bench.self])

    @Option(name: .short, help: "Commands to run, separated by ';' or newlines.")
    var commands: String?

    @OptionGroup var options: FrontEndOptions

    func run() throws {
        if let commands {
            try options.runBatch(commands)
        } else if isatty(0) == 0 {
            // Piped input with no subcommand: run it as a script.
            try options.runBatch(readAllStandardInput())
        } else {
            startInteractive()
        }
    }

    /// The front end for `cnnlab` with no arguments on a terminal: the one place that decides
    /// between the line-by-line REPL and (later) the full-screen interface.
    private func startInteractive() {
        Repl.start(options: options)
    }
}
