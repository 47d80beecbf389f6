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

    /// The terminal on standard output: colour, Unicode, size (80×24 when not a terminal).
    var renderContext: RenderContext {
        let caps = TerminalCapabilities.detect(
            environment: ProcessInfo.processInfo.environment, isTTY: isatty(1) != 0, colorFlag: color)
        var size = winsize()
        let known = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        return RenderContext(
            language: language, style: TextStyle(ansi: caps.colorDepth != .none), capabilities: caps,
            width: known ? Int(size.ws_col) : 80, height: known ? Int(size.ws_row) : 24)
    }

    /// Runs a script in batch mode; exits non-zero if a statement failed.
    func runBatch(_ source: String) throws {
        let session = Session(threads: threads, workingDirectory: FileManager.default.currentDirectoryPath)
        var context = renderContext
        if json { context.style = .plain }
        let mode = BatchMode(format: json ? .json : .text, context: context, keepGoing: keepGoing)
        let outcome = mode.run(source, session: session, output: { print($0, terminator: "") }, errors: writeError)
        if !outcome.succeeded { throw ExitCode(1) }
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
