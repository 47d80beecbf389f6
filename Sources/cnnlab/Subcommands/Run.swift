import ArgumentParser
import CNNLabEngine
import Foundation

/// `cnnlab run FILE`: runs a script file (`-` reads standard input).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandLineLanguage.pick(
            "Run the commands in a script file ('-' for standard input).",
            "Executa os comandos de um arquivo de script ('-' para a entrada padrão)."))

    @Argument(help: CommandLineLanguage.help("The script to run, or '-' for standard input.", "O script a executar, ou '-' para a entrada padrão."))
    var file: String

    @OptionGroup var options: FrontEndOptions

    func run() throws {
        let source = file == "-" ? try readAllStandardInput(options.language) : try readScriptFile(file, options.language)
        try options.runBatch(source)
    }
}
