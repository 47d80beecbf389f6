import Testing
@testable import CNNLabEngine

/// The parser's own words in pt-BR, and nothing else changed.
struct ArgumentParserTextTests {
    @Test func helpHeadingsAndNotes() {
        let help = """
            OVERVIEW: Um laboratório no terminal.

            USAGE: cnnlab [-c <comandos>] [--color <color>] <subcommand>

            OPTIONS:
              --color <color>         Cor: auto, always ou never.
                                      (values: auto, always, never; default: auto)
              --threads <threads>     Número de threads. (default: 1)
              -h, --help              Show help information.

            SUBCOMMANDS:
              bench                   Cronometra.

              See 'cnnlab help <subcommand>' for detailed help.
            """
        let expected = """
            VISÃO GERAL: Um laboratório no terminal.

            USO: cnnlab [-c <comandos>] [--color <color>] <subcomando>

            OPÇÕES:
              --color <color>         Cor: auto, always ou never.
                                      (valores: auto, always, never; padrão: auto)
              --threads <threads>     Número de threads. (padrão: 1)
              -h, --help              Mostra esta ajuda.

            SUBCOMANDOS:
              bench                   Cronometra.

              Veja 'cnnlab help <subcomando>' para a ajuda detalhada.
            """
        #expect(ArgumentParserText.portuguese(help) == expected)
    }

    @Test(arguments: [
        ("Error: Unknown option '--bogus'", "Erro: Opção desconhecida '--bogus'"),
        ("Error: Missing expected argument '<file>'", "Erro: Falta o argumento '<file>'"),
        ("Error: Missing value for '--lang <lang>'", "Erro: Falta o valor de '--lang <lang>'"),
        ("Error: Unexpected argument 'x'", "Erro: Argumento inesperado 'x'"),
        ("Error: The value 'purple' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'.",
         "Erro: O valor 'purple' não é válido para '--color <color>'. Use um destes: 'auto', 'always' ou 'never'."),
        ("Help:  <file>  O script a executar.", "Ajuda:  <file>  O script a executar."),
        ("Usage: cnnlab run <file>\n  See 'cnnlab run --help' for more information.",
         "Uso: cnnlab run <file>\n  Veja 'cnnlab run --help' para mais informações."),
    ])
    func errorReports(_ english: String, _ portuguese: String) {
        #expect(ArgumentParserText.portuguese(english) == portuguese)
    }

    @Test func cnnlabsOwnTextIsUntouched() {
        // Words that look like the parser's, inside cnnlab's own help, stay as written.
        let text = "  --threads <threads>     Error: and USAGE: inside a line; the default: is 1"
        #expect(ArgumentParserText.portuguese(text) == text)
    }
}
