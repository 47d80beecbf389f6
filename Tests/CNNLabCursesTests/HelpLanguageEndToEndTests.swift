import Foundation
import TerminalTestSupport
import Testing

/// The exit status and standard output of the built `cnnlab` run with `arguments` and only
/// `environment` (the test runner's own LANG must not leak in). `Spawn` writes the output to a
/// file: a pipe end could leak into a tmux server started at the same time by another test.
/// With `standardError`, the output is standard error's instead (through `sh`).
private func runCNNLab(
    _ arguments: [String], environment: [String: String], standardError: Bool = false
) throws -> (status: Int32, output: String) {
    let directory = try TestEnvironment.makeDirectory(prefix: "cnnlab-help")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/stdout"
    let variables = environment.map { "\($0.key)=\($0.value)" }
    let cnnlab = TestEnvironment.cnnlab ?? "cnnlab"
    let command = standardError ? ["sh", "-c", "exec \"$0\" \"$@\" 2>&1 >/dev/null", cnnlab] : [cnnlab]
    let status = Spawn.run(["env", "-i"] + variables + command + arguments, output: file)
    return (status, try String(contentsOfFile: file, encoding: .utf8))
}

/// `--help` in the language `--lang` or the environment asks for.
@Suite(.enabled(if: TestEnvironment.cnnlab != nil, "cnnlab is not built next to the tests: run swift build --build-tests"))
struct HelpLanguageEndToEndTests {
    @Test func langFlagChoosesPortuguese() throws {
        let run = try runCNNLab(["--lang", "pt-BR", "--help"], environment: ["LANG": "en_US.UTF-8"])
        #expect(run.status == 0)
        #expect(run.output.contains("Um laboratório no terminal para redes neurais convolucionais"), "\(run.output)")
        #expect(run.output.contains("Idioma das mensagens e desta ajuda"), "\(run.output)")
        #expect(!run.output.contains("A terminal lab"), "\(run.output)")
        // The parser's own words too (`ArgumentParserText`).
        for phrase in ["USO: cnnlab", "OPÇÕES:", "SUBCOMANDOS:", "Mostra esta ajuda.", "(padrão: 1)"] {
            #expect(run.output.contains(phrase), "\(phrase) in \(run.output)")
        }
        for phrase in ["USAGE:", "OPTIONS:", "Show help information.", "default:"] {
            #expect(!run.output.contains(phrase), "\(phrase) in \(run.output)")
        }
    }

    @Test func argumentErrorsInPortuguese() throws {
        let run = try runCNNLab(
            ["--color", "purple", "-c", "summary"], environment: ["LANG": "pt_BR.UTF-8"], standardError: true)
        #expect(run.status == 64)
        #expect(run.output.contains("Erro: O valor 'purple' não é válido para '--color <color>'"), "\(run.output)")
        #expect(run.output.contains("Veja 'cnnlab --help' para mais informações."), "\(run.output)")
        let english = try runCNNLab(["--color", "purple", "-c", "summary"], environment: [:], standardError: true)
        #expect(english.status == 64)
        #expect(english.output.contains("Error: The value 'purple' is invalid"), "\(english.output)")
    }

    @Test func langVariableChoosesPortugueseForASubcommand() throws {
        let run = try runCNNLab(["bench", "--help"], environment: ["LANG": "pt_BR.UTF-8"])
        #expect(run.status == 0)
        #expect(run.output.contains("Casos de treinamento"), "\(run.output)")
        #expect(run.output.contains("Mini-lotes cronometrados por caso de treinamento"), "\(run.output)")
        #expect(!run.output.contains("Training cases"), "\(run.output)")
    }

    @Test func langFlagChoosesEnglishOverTheEnvironment() throws {
        let run = try runCNNLab(["--lang", "en", "--help"], environment: ["LANG": "pt_BR.UTF-8"])
        #expect(run.status == 0)
        #expect(run.output.contains("A terminal lab for convolutional neural networks"), "\(run.output)")
        #expect(!run.output.contains("Um laboratório"), "\(run.output)")
        #expect(run.output.contains("USAGE: cnnlab") && run.output.contains("Show help information."), "\(run.output)")
    }

    /// `--version`: cnnlab's version, the Swift it was built with, the kernel set, the C libraries.
    @Test func versionNamesTheBuildTheKernelsAndTheLibraries() throws {
        let run = try runCNNLab(["--version"], environment: [:])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.output)")
        #expect(lines.first?.hasPrefix("cnnlab 0.") == true, "\(run.output)")
        #expect(lines.dropFirst().first?.contains(" · kernels simd") == true, "\(run.output)")
        #expect(lines.last?.hasPrefix("libpng 1.") == true && lines.last?.contains(" · readline ") == true, "\(run.output)")
    }

    /// Shell completions come from the argument parser, for the three shells the README names.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(shell: String) throws {
        let run = try runCNNLab(["--generate-completion-script", shell], environment: [:])
        #expect(run.status == 0)
        #expect(run.output.contains("cnnlab") && run.output.contains("train"), "\(run.output.prefix(300))")
    }
}
