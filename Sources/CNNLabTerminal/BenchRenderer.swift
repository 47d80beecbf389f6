import CNNLabEngine

/// `cnnlab bench` output: tables in the user's language, or one JSON object per case and pass
/// (keys and case names are the same in every language: scripts read them).
public enum BenchRenderer {
    /// Conv cases, then the line that says which micro-kernel set the binary was built with.
    public static func table(_ results: [ConvBenchResult], language: Language) -> String {
        let withPeak = results.contains { $0.peak_gflops != nil }
        let headers = (language == .en
            ? ["case", "pass", "m", "input", "filters", "f", "s", "p", "threads", "time", "GFLOP/s"]
            : ["caso", "passo", "m", "entrada", "filtros", "f", "s", "p", "threads", "tempo", "GFLOP/s"])
            + (withPeak ? [language.pick("% of peak", "% do pico")] : [])
        var t = Table(
            headers: headers,
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right] + (withPeak ? [.right] : []))
        for r in results {
            let time = r.ms < 1 ? NumberFormat.fixed(r.ms * 1000, decimals: 2) + " µs" : NumberFormat.fixed(r.ms, decimals: 3) + " ms"
            t.rows.append([
                r.case, r.pass, String(r.n), "\(r.h)×\(r.w)×\(r.c_in)", String(r.c_out), String(r.f), String(r.s),
                String(r.p), String(r.threads), NumberFormat.decimalMark(time, language),
                NumberFormat.decimalMark(NumberFormat.fixed(r.gflops, decimals: 1), language),
            ] + (withPeak ? [r.percent_of_peak.map { NumberFormat.percent($0 / 100, language) } ?? "—"] : []))
        }
        var footer = ""
        if let r = results.first {
            footer += "\n" + KernelSetText.line(r.kernels, language: language) + "\n"
            if let peak = r.peak_gflops { footer += peakLine(peak, threads: r.threads, lanes: r.simd_lanes, language: language) }
        }
        return t.render(style: .plain) + footer
    }

    /// What the percentages divide by: the probe's figure, its vectors and threads.
    static func peakLine(_ peak: Double, threads: Int, lanes: Int, language: Language) -> String {
        let figure = NumberFormat.decimalMark(NumberFormat.fixed(peak, decimals: 1), language)
        return language.pick(
            "FMA peak, measured: \(figure) GFLOP/s (independent FMA chains on SIMD\(lanes), \(threads) thread\(threads == 1 ? "" : "s"))",
            "pico de FMA, medido: \(figure) GFLOP/s (cadeias de FMA independentes em SIMD\(lanes), \(threads) thread\(threads == 1 ? "" : "s"))") + "\n"
    }

    public static func json(_ results: [ConvBenchResult]) -> String {
        results.map { r in
            JSONValue.object([
                ("case", .string(r.case)), ("pass", .string(r.pass)), ("n", .int(r.n)), ("h", .int(r.h)),
                ("w", .int(r.w)), ("c_in", .int(r.c_in)), ("c_out", .int(r.c_out)), ("f", .int(r.f)),
                ("s", .int(r.s)), ("p", .int(r.p)), ("threads", .int(r.threads)), ("ms", .number(r.ms)),
                ("gflops", .number(r.gflops)), ("simd_lanes", .int(r.simd_lanes)), ("kernels", .string(r.kernels)),
            ] + peakFields(r.peak_gflops, r.percent_of_peak)).serialized() + "\n"
        }.joined()
    }

    /// `peak_gflops` and `percent_of_peak`, when the peak was measured.
    private static func peakFields(_ peak: Double?, _ percent: Double?) -> [(String, JSONValue)] {
        guard let peak, let percent else { return [] }
        return [("peak_gflops", .number(peak)), ("percent_of_peak", .number(percent))]
    }

    /// Training cases: examples per second, and the step's share of the FMA peak.
    public static func table(_ results: [TrainingBenchmark.Result], language: Language) -> String {
        let withPeak = results.contains { $0.peakGFLOPS != nil }
        var t = Table(
            headers: (language == .en
                ? ["case", "threads", "batch", "batches", "examples/s", "last loss"]
                : ["caso", "threads", "lote", "lotes", "exemplos/s", "última perda"])
                + (withPeak ? ["GFLOP/s", language.pick("% of peak", "% do pico")] : []),
            alignments: [.left, .right, .right, .right, .right, .right] + (withPeak ? [.right, .right] : []))
        for r in results {
            t.rows.append([
                r.name, String(r.threads), String(r.batchSize), String(r.batches),
                NumberFormat.rate(r.examplesPerSecond, language),
                NumberFormat.decimalMark(NumberFormat.fixed(Double(r.lastLoss), decimals: 4), language),
            ] + (withPeak ? [
                NumberFormat.decimalMark(NumberFormat.fixed(r.gflops, decimals: 1), language),
                r.percentOfPeak.map { NumberFormat.percent($0 / 100, language) } ?? "—",
            ] : []))
        }
        var out = t.render(style: .plain)
        if withPeak {
            out += language.pick(
                "(a step's FLOPs counted as 3 × the forward pass's: forward, dA and dW of the conv and fc layers)",
                "(os FLOPs de um passo contados como 3 × os do forward: forward, dA e dW das camadas conv e fc)") + "\n"
        }
        return out
    }

    /// Training cases as JSON lines: `case`, `threads`, `examples_per_s` (plus batch details).
    public static func json(_ results: [TrainingBenchmark.Result]) -> String {
        results.map { r in
            JSONValue.object([
                ("case", .string(r.name)), ("threads", .int(r.threads)), ("examples_per_s", .number(r.examplesPerSecond)),
                ("batch", .int(r.batchSize)), ("batches", .int(r.batches)), ("last_loss", .float(r.lastLoss)),
                ("gflops", .number(r.gflops)),
            ] + peakFields(r.peakGFLOPS, r.percentOfPeak)).serialized() + "\n"
        }.joined()
    }

    /// Current figures against a saved run: the ratio shows speed-ups (> 1) and regressions (< 1).
    public static func comparison(_ rows: [BenchComparison.Row], language: Language) -> String {
        var t = Table(
            headers: language == .en ? ["case", "now", "saved", "ratio"] : ["caso", "agora", "salvo", "razão"],
            alignments: [.left, .right, .right, .right])
        for r in rows {
            t.rows.append([
                r.key, NumberFormat.decimalMark(NumberFormat.fixed(r.current, decimals: 1), language) + " " + r.unit,
                r.previous.map { NumberFormat.decimalMark(NumberFormat.fixed($0, decimals: 1), language) } ?? "—",
                r.ratio.map { NumberFormat.decimalMark(NumberFormat.fixed($0, decimals: 2), language) + "×" } ?? "—",
            ])
        }
        return t.render(style: .plain)
    }

    /// The `redraw` case: milliseconds per full-screen frame.
    public static func redraw(_ ms: Double, language: Language) -> String {
        let time = NumberFormat.decimalMark(NumberFormat.fixed(ms, decimals: 2), language)
        return language.pick(
            "redraw 200×60 with a 64×64 heatmap: \(time) ms per frame",
            "redesenho de 200×60 com um mapa de calor de 64×64: \(time) ms por quadro")
    }
}
