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
        let source: String
        if file == "-" {
            source = readAllStandardInput()
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                let name = VisibleText.escaped(file)
                writeError(options.language.pick("error: cannot read \(name)\n", "erro: não foi possível ler \(name)\n"))
                throw ExitCode(1)
            }
            source = String(decoding: data, as: UTF8.self)
        }
        try options.runBatch(source)
    }
}
