import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import ConvCore
import Foundation

/// Options every front end shares: output format, language, colour, threads.
struct FrontEndOptions: ParsableArguments {
    @Flag(help: CommandLineLanguage.help(
        "Print one JSON object per result instead of text.", "Imprime um objeto JSON por resultado em vez de texto."))
    var json = false

    @Flag(help: CommandLineLanguage.help(
        "Continue after an error instead of stopping at the first one.", "Continua depois de um erro em vez de parar no primeiro."))
    var keepGoing = false

    @Option(help: CommandLineLanguage.help(
        "Language of messages and of this help: en or pt-BR (default: from LANG).",
        "Idioma das mensagens e desta ajuda: en ou pt-BR (padrão: o de LANG)."))
    var lang: String?

    @Option(help: CommandLineLanguage.help(
        "Colour: auto, always or never (NO_COLOR is honoured).", "Cor: auto, always ou never (NO_COLOR é respeitado)."))
    var color: ColorChoice = .auto

    @Option(help: CommandLineLanguage.help("Threads for the numeric kernels.", "Número de threads dos kernels numéricos."))
    var threads: Int = 1

    @Option(
        help: ArgumentHelp(
            CommandLineLanguage.pick(
                "Micro-kernel set: auto (the fastest this CPU runs), simd16 (AVX-512), simd8 (AVX2 and FMA) or portable (default: CNNLAB_KERNELS, else auto).",
                "Conjunto de micro-kernels: auto (o mais rápido que esta CPU executa), simd16 (AVX-512), simd8 (AVX2 e FMA) ou portable (padrão: CNNLAB_KERNELS, senão auto)."),
            valueName: "set"),
        completion: .list(["auto"] + KernelSet.allCases.map(\.rawValue)))
    var kernels: String?

    @Option(
        help: ArgumentHelp(
            CommandLineLanguage.pick(
                "The most memory the session's tensors may hold, e.g. 512M or 2G (default: half the machine's memory).",
                "O máximo de memória que os tensores da sessão podem ocupar, por exemplo 512M ou 2G (padrão: metade da memória da máquina)."),
            valueName: CommandLineLanguage.pick("size", "tamanho")))
    var memoryLimit: String?

    @Option(
        help: CommandLineLanguage.help(
            "A folder of .lesson files to use instead of the lessons shipped with cnnlab.",
            "Uma pasta de arquivos .lesson a usar no lugar das lições que vêm com o cnnlab."),
        completion: .directory)
    var lessons: String?

    func validate() throws {
        if let lang, Language(flag: lang) == nil {
            throw ValidationError(language.pick("unknown language '\(lang)': use en or pt-BR", "idioma desconhecido '\(lang)': use en ou pt-BR"))
        }
        guard (1...256).contains(threads) else {
            throw ValidationError(language.pick("--threads must be between 1 and 256", "--threads deve estar entre 1 e 256"))
        }
        if let message = KernelChoice.apply(kernels, option: "--kernels", language: language) {
            throw ValidationError(message)
        }
        if let memoryLimit, MemorySize(parsing: memoryLimit) == nil {
            throw ValidationError(language.pick(
                "--memory-limit '\(memoryLimit)' is not a size: write bytes, or a number with K, M, G or T (e.g. 512M, 2G)",
                "--memory-limit '\(memoryLimit)' não é um tamanho: escreva bytes, ou um número com K, M, G ou T (por exemplo 512M, 2G)"))
        }
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

    /// A new session for these options: threads, the language answers are read in, the
    /// lessons' folder (`--lessons`, or the one shipped with cnnlab), the committed datasets'
    /// folder (`Data/`, found as the lessons are), where lesson progress and quiz scores are
    /// kept (the XDG state directory) and where lessons write (the XDG data directory).
    func makeSession() -> Session {
        let directory = FileManager.default.currentDirectoryPath
        let session = Session(threads: threads, workingDirectory: directory)
        session.language = language
        if let limit = memoryLimit.flatMap(MemorySize.init(parsing:)) { session.memoryLimit = limit.bytes }
        let environment = ProcessInfo.processInfo.environment
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let folder = lessons.map { ($0 as NSString).expandingTildeInPath }
        session.lessons = LessonLibrary(
            directory: folder.map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) }
                ?? LessonLibrary.locate(executable: executable, currentDirectory: directory))
        session.dataDirectory = DatasetLibrary.locate(executable: executable, currentDirectory: directory)
        if isatty(2) != 0 && !json {
            session.trainingProgress = TrainingProgressBar.reporter(language: language, epochLines: isatty(1) == 0) { writeError($0) }
        }
        if let progress = StateLocation.file("lesson-progress.json", environment: environment),
           let scores = StateLocation.file("quiz-stats.json", environment: environment) {
            session.lessonProgressFile = StateFile(path: progress)
            session.quizStatsFile = QuizStatsStore(path: scores)
        }
        if let data = DataLocation.directory(environment: environment) {
            session.lessonOutputDirectory = data + "/lesson-output"
        }
        return session
    }

    /// Runs a script in batch mode; exits non-zero if a statement failed.
    func runBatch(_ source: String) throws {
        let session = makeSession()
        var context = renderContext
        if json { context.style = .plain }
        let mode = BatchMode(format: json ? .json : .text, context: context, keepGoing: keepGoing)
        let outcome = mode.run(source, session: session, output: { writeOutput($0) }, errors: writeError)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

extension ColorChoice: ExpressibleByArgument {}


/// All of standard input as text (invalid UTF-8 is repaired, not fatal), at most
/// `ScriptRunner.maxScriptBytes`: more (`run - < /dev/zero`) is an error and exit status 1,
/// not a read until memory runs out.
func readAllStandardInput(_ language: Language) throws -> String {
    try readScript(name: language.pick("standard input", "a entrada padrão"), language) { () throws(BoundedRead.Failure) in
        try BoundedRead.all(fileDescriptor: 0, limit: ScriptRunner.maxScriptBytes)
    }
}

/// The script file at `path` as text, bounded as standard input is.
func readScriptFile(_ path: String, _ language: Language) throws -> String {
    try readScript(name: path, language) { () throws(BoundedRead.Failure) in
        try BoundedRead.all(path: path, limit: ScriptRunner.maxScriptBytes)
    }
}

private func readScript(name: String, _ language: Language, _ read: () throws(BoundedRead.Failure) -> [UInt8]) throws -> String {
    do {
        return String(decoding: try read(), as: UTF8.self)
    } catch {
        let name = VisibleText.escaped(name)
        switch error {
        case .tooLarge(let limit):
            let size = MemorySize(bytes: limit).text(in: language)
            writeError(language.pick(
                "error: \(name) holds more than \(size), the most cnnlab reads as a script\n",
                "erro: \(name) tem mais de \(size), o máximo que o cnnlab lê como script\n"))
        case .unreadable(let reason):
            writeError(language.pick("error: cannot read \(name): \(reason)\n", "erro: não foi possível ler \(name): \(reason)\n"))
        }
        throw ExitCode(1)
    }
}
