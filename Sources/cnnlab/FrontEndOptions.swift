import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// Options every front end shares: output format, language, colour, threads.
struct FrontEndOptions: ParsableArguments {
    @Flag(help: "Print one JSON object per result instead of text.")
    var json = false

    @Flag(help: "Continue after an error instead of stopping at the first one.")
    var keepGoing = false

    @Option(help: "Language of messages: en or pt-BR (default: from LANG).")
    var lang: String?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured).")
    var color: ColorChoice = .auto

    @Option(help: "Threads for the numeric kernels.")
    var threads: Int = 1

    func validate() throws {
        if let lang, Language(flag: lang) == nil {
            throw ValidationError("unknown language '\(lang)': use en or pt-BR")
        }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
    }

    var language: Language {
        lang.flatMap(Language.init(flag:)) ?? Language.detect(environment: ProcessInfo.processInfo.environment)
    }

    var style: TextStyle {
        let caps = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, isTTY: isatty(1) != 0, colorFlag: color)
        return TextStyle(ansi: caps.colorDepth != .none)
    }

    /// Runs a script in batch mode; exits non-zero if a statement failed.
    func runBatch(_ source: String) throws {
        let session = Session(threads: threads, workingDirectory: FileManager.default.currentDirectoryPath)
        let mode = BatchMode(format: json ? .json : .text, language: language, style: json ? .plain : style, keepGoing: keepGoing)
        let ok = mode.run(source, session: session, output: { print($0, terminator: "") }, errors: writeError)
        if !ok { throw ExitCode(1) }
    }
}

extension ColorChoice: ExpressibleByArgument {}

/// Writes to standard error, unbuffered.
func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// All of standard input as text (invalid UTF-8 is repaired, not fatal).
func readAllStandardInput() -> String {
    String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
}
