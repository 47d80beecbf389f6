import Foundation
import TerminalTestSupport
import Testing

/// The exit status and standard output of the built `cnnlab` run with `arguments` and only
/// `environment` (the test runner's own LANG must not leak in). `Spawn` writes the output to a
/// file: a pipe end could leak into a tmux server started at the same time by another test.
private func runCNNLab(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
    let directory = try TestEnvironment.makeDirectory(prefix: "cnnlab-help")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/stdout"
    let variables = environment.map { "\($0.key)=\($0.value)" }
    let status = Spawn.run(["env", "-i"] + variables + [TestEnvironment.cnnlab ?? "cnnlab"] + arguments, output: file)
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
    }
}
