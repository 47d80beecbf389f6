import CNNLabEngine
import Testing

/// `Language.fromCommandLine`: the language of `cnnlab`'s help, read before the parser runs.
@Suite struct CommandLineLanguageTests {
    private let english = ["LANG": "en_US.UTF-8"]
    private let portuguese = ["LANG": "pt_BR.UTF-8"]

    @Test func separateValue() {
        #expect(Language.fromCommandLine(arguments: ["--lang", "pt-BR", "--help"], environment: english) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--lang", "EN"], environment: portuguese) == .en)
    }

    @Test func attachedValue() {
        #expect(Language.fromCommandLine(arguments: ["--lang=pt", "--help"], environment: english) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--lang=pt_BR"], environment: [:]) == .ptBR)
    }

    @Test func afterASubcommand() {
        #expect(Language.fromCommandLine(arguments: ["bench", "--cases", "b", "--lang", "pt", "--help"], environment: english) == .ptBR)
    }

    @Test func theLastFlagWins() {
        #expect(Language.fromCommandLine(arguments: ["--lang", "pt", "repl", "--lang=en"], environment: [:]) == .en)
    }

    @Test func invalidValueFallsBackToTheEnvironment() {
        #expect(Language.fromCommandLine(arguments: ["--lang", "de", "--help"], environment: portuguese) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--lang=", "--help"], environment: portuguese) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--help", "--lang"], environment: portuguese) == .ptBR)
    }

    @Test func withoutAFlagTheEnvironmentDecides() {
        #expect(Language.fromCommandLine(arguments: ["bench", "--help"], environment: portuguese) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--help"], environment: [:]) == .en)
    }

    @Test func lcAllTakesPrecedenceOverLang() {
        let environment = ["LC_ALL": "pt_BR.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"]
        #expect(Language.fromCommandLine(arguments: ["--help"], environment: environment) == .ptBR)
        #expect(Language.fromCommandLine(arguments: ["--help"], environment: ["LC_ALL": "C", "LANG": "pt_BR.UTF-8"]) == .en)
    }

    @Test func argumentsAfterTheTerminatorAreNotFlags() {
        #expect(Language.fromCommandLine(arguments: ["run", "--", "--lang", "pt"], environment: english) == .en)
    }
}
