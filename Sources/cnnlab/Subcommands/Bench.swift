import ArgumentParser
import CNNLabEngine
import CNNLabTerminal
import Foundation

/// `cnnlab bench`: times conv forward and backward, and training steps, on standard cases.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandLineLanguage.pick(
            "Time conv forward/backward and training (use a release build: scripts/run.sh bench).",
            "Cronometra o forward/backward da conv e o treinamento (use um build de release: scripts/run.sh bench)."),
        discussion: CommandLineLanguage.pick(
            """
            Conv cases: b, c1, c2, d, lecture (GFLOP/s, median of --repetitions after a warm-up).
            Every figure is also a percentage of this machine's FMA peak, measured first (peak_gflops, percent_of_peak in --json).
            Training cases: train-mnist, train-cifar (ConvNetJS's demo nets, SGD, batch 20, examples/s).
            redraw: one 200×60 full-screen frame with a 64×64 heatmap, laid out and painted in memory (ms).
            Save a run with --json > FILE and compare a later one with --compare FILE.
            """,
            """
            Casos de conv: b, c1, c2, d, lecture (GFLOP/s, mediana de --repetitions após um aquecimento).
            Cada número também é uma porcentagem do pico de FMA desta máquina, medido antes (peak_gflops, percent_of_peak no --json).
            Casos de treinamento: train-mnist, train-cifar (as redes de demonstração do ConvNetJS, SGD, lote de 20, exemplos/s).
            redraw: um quadro de tela cheia de 200×60 com um mapa de calor de 64×64, montado e pintado na memória (ms).
            Salve uma execução com --json > ARQUIVO e compare uma posterior com --compare ARQUIVO.
            """))

    @Option(help: CommandLineLanguage.help(
        "Timed repetitions per conv case (the median is reported).", "Repetições cronometradas por caso de conv (informa a mediana)."))
    var repetitions: Int = 7

    @Option(help: CommandLineLanguage.help("Timed mini-batches per training case.", "Mini-lotes cronometrados por caso de treinamento."))
    var batches: Int = 50

    @Option(help: CommandLineLanguage.help(
        "Only these cases (comma-separated, e.g. b,c1,train-mnist).", "Só estes casos (separados por vírgula, p. ex. b,c1,train-mnist)."))
    var cases: String?

    @Option(help: CommandLineLanguage.help(
        "A saved `cnnlab bench --json` output to compare with (prints ratios).",
        "Uma saída salva de `cnnlab bench --json` com que comparar (imprime as razões)."))
    var compare: String?

    /// `--threads N` and `--json` (shared with the other modes: one spelling, one meaning).
    @OptionGroup var options: FrontEndOptions

    private var threads: Int { options.threads }
    private var json: Bool { options.json }
    private var language: Language { options.language }

    func validate() throws {
        guard (1...1000).contains(repetitions) else {
            throw ValidationError(language.pick("--repetitions must be between 1 and 1000", "--repetitions deve estar entre 1 e 1000"))
        }
        guard (1...100_000).contains(batches) else {
            throw ValidationError(language.pick("--batches must be between 1 and 100000", "--batches deve estar entre 1 e 100000"))
        }
    }

    func run() throws {
        let convNames = ConvBenchmark.standardCases.map(\.name)
        let trainNames = TrainingBenchmark.cases.map(\.name)
        let allNames = convNames + trainNames + ["redraw"]
        let names = cases.map { $0.split(separator: ",").map(String.init) } ?? allNames
        if let unknown = names.first(where: { !allNames.contains($0) }) {
            throw ValidationError(language.pick("no case '\(unknown)'; cases: ", "não há caso '\(unknown)'; casos: ") + allNames.joined(separator: ", "))
        }
        let previous = try compare.map(savedFigures)
        // The peak every figure is a share of, measured now on this machine.
        let peak = names.contains(where: { $0 != "redraw" }) ? PeakProbe.gflops(threads: threads) : nil
        let conv = try ConvBenchmark.run(
            cases: ConvBenchmark.standardCases.filter { names.contains($0.name) }, threads: threads, repetitions: repetitions,
            peakGFLOPS: peak)
        var training: [TrainingBenchmark.Result] = []
        for name in trainNames where names.contains(name) {
            training.append(try TrainingBenchmark.run(case: name, threads: threads, batches: batches, peakGFLOPS: peak))
        }
        let redraw = names.contains("redraw") ? try RedrawBenchmark.run() : nil
        if json {
            writeOutput(BenchRenderer.json(conv) + BenchRenderer.json(training))
            if let redraw { writeOutput(JSONValue.object([("case", .string("redraw")), ("threads", .int(1)), ("ms", .number(redraw))]).serialized() + "\n") }
        } else {
            let tables = (conv.isEmpty ? [] : [BenchRenderer.table(conv, language: language)])
                + (training.isEmpty ? [] : [BenchRenderer.table(training, language: language)])
            writeOutput(tables.joined(separator: "\n"))
            if let redraw { writeOutput((tables.isEmpty ? "" : "\n") + BenchRenderer.redraw(redraw, language: language) + "\n") }
        }
        if let previous {
            let current = conv.map { BenchComparison.Figure(key: "\($0.case) \($0.pass) t\($0.threads)", value: $0.gflops, unit: "GFLOP/s") }
                + training.map { BenchComparison.Figure(key: "\($0.name) t\($0.threads)", value: $0.examplesPerSecond, unit: "examples/s") }
                + (redraw.map { [BenchComparison.Figure(key: "redraw", value: $0 > 0 ? 1000 / $0 : 0, unit: "frames/s")] } ?? [])
            let rows = BenchComparison.compare(current, with: previous)
            (json ? writeError : writeOutput)("\n" + BenchRenderer.comparison(rows, language: language))
        }
    }

    private func savedFigures(_ path: String) throws -> [BenchComparison.Figure] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError(language.pick("cannot read \(path)", "não foi possível ler \(path)")) }
        do {
            return try BenchComparison.figures(fromJSONLines: String(decoding: data, as: UTF8.self))
        } catch {
            guard case .malformedLine(let n) = error else { throw error }
            throw ValidationError(
                language.pick("\(path), line \(n): not a `cnnlab bench --json` line", "\(path), linha \(n): não é uma linha de `cnnlab bench --json`"))
        }
    }
}
