import CNNLabEngine

/// `cnnlab bench` output: tables in the user's language, or one JSON object per case and pass
/// (keys and case names are the same in every language: scripts read them).
public enum BenchRenderer {
    /// Conv cases, then the line that says which micro-kernel set the binary was built with.
    public static func table(_ results: [ConvBenchResult], language: Language) -> String {
        let headers = language == .en
            ? ["case", "pass", "m", "input", "filters", "f", "s", "p", "threads", "time", "GFLOP/s"]
            : ["caso", "passo", "m", "entrada", "filtros", "f", "s", "p", "threads", "tempo", "GFLOP/s"]
        var t = Table(
            headers: headers,
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for r in results {
            let time = r.ms < 1 ? NumberFormat.fixed(r.ms * 1000, decimals: 2) + " µs" : NumberFormat.fixed(r.ms, decimals: 3) + " ms"
            t.rows.append([
                r.case, r.pass, String(r.n), "\(r.h)×\(r.w)×\(r.c_in)", String(r.c_out), String(r.f), String(r.s),
                String(r.p), String(r.threads), time, NumberFormat.fixed(r.gflops, decimals: 1),
            ])
        }
        let kernels = results.first.map { r in
            let set = r.simd_lanes == 16 ? "AVX-512" : "AVX2"
            return "\n" + language.pick(
                "micro-kernels: SIMD\(r.simd_lanes) (the \(set) set)", "micro-kernels: SIMD\(r.simd_lanes) (o conjunto para \(set))") + "\n"
        }
        return t.render(style: .plain) + (kernels ?? "")
    }

    public static func json(_ results: [ConvBenchResult]) -> String {
        results.map { r in
            JSONValue.object([
                ("case", .string(r.case)), ("pass", .string(r.pass)), ("n", .int(r.n)), ("h", .int(r.h)),
                ("w", .int(r.w)), ("c_in", .int(r.c_in)), ("c_out", .int(r.c_out)), ("f", .int(r.f)),
                ("s", .int(r.s)), ("p", .int(r.p)), ("threads", .int(r.threads)), ("ms", .number(r.ms)),
                ("gflops", .number(r.gflops)), ("simd_lanes", .int(r.simd_lanes)),
            ]).serialized() + "\n"
        }.joined()
    }

    /// Training cases: examples per second.
    public static func table(_ results: [TrainingBenchmark.Result], language: Language) -> String {
        var t = Table(
            headers: language == .en
                ? ["case", "threads", "batch", "batches", "examples/s", "last loss"]
                : ["caso", "threads", "lote", "lotes", "exemplos/s", "última perda"],
            alignments: [.left, .right, .right, .right, .right, .right])
        for r in results {
            t.rows.append([
                r.name, String(r.threads), String(r.batchSize), String(r.batches),
                NumberFormat.fixed(r.examplesPerSecond, decimals: 0), NumberFormat.fixed(Double(r.lastLoss), decimals: 4),
            ])
        }
        return t.render(style: .plain)
    }

    /// Training cases as JSON lines: `case`, `threads`, `examples_per_s` (plus batch details).
    public static func json(_ results: [TrainingBenchmark.Result]) -> String {
        results.map { r in
            JSONValue.object([
                ("case", .string(r.name)), ("threads", .int(r.threads)), ("examples_per_s", .number(r.examplesPerSecond)),
                ("batch", .int(r.batchSize)), ("batches", .int(r.batches)), ("last_loss", .float(r.lastLoss)),
            ]).serialized() + "\n"
        }.joined()
    }

    /// Current figures against a saved run: the ratio shows speed-ups (> 1) and regressions (< 1).
    public static func comparison(_ rows: [BenchComparison.Row], language: Language) -> String {
        var t = Table(
            headers: language == .en ? ["case", "now", "saved", "ratio"] : ["caso", "agora", "salvo", "razão"],
            alignments: [.left, .right, .right, .right])
        for r in rows {
            t.rows.append([
                r.key, NumberFormat.fixed(r.current, decimals: 1) + " " + r.unit,
                r.previous.map { NumberFormat.fixed($0, decimals: 1) } ?? "—",
                r.ratio.map { NumberFormat.fixed($0, decimals: 2) + "×" } ?? "—",
            ])
        }
        return t.render(style: .plain)
    }

    /// The `redraw` case: milliseconds per full-screen frame.
    public static func redraw(_ ms: Double, language: Language) -> String {
        let time = NumberFormat.fixed(ms, decimals: 2)
        return language.pick(
            "redraw 200×60 with a 64×64 heatmap: \(time) ms per frame",
            "redesenho de 200×60 com um mapa de calor de 64×64: \(time) ms por quadro")
    }
}
