@testable import CNNLabEngine
import Testing
@testable import CNNLabTerminal

/// `cnnlab bench`'s text in both languages; the JSON keys stay the same in every language.
struct BenchRendererTests {
    private static let conv = [
        ConvBenchResult(
            case: "d", pass: "forward", n: 32, h: 32, w: 32, c_in: 16, c_out: 32, f: 3, s: 1, p: 1, threads: 2,
            ms: 2.5, gflops: 120.9, simd_lanes: 16, kernels: "simd16"),
    ]

    @Test func convTableInEnglishAndPortuguese() {
        let en = BenchRenderer.table(Self.conv, language: .en)
        #expect(en.contains("input") && en.contains("filters") && en.contains("32×32×16") && en.contains("120.9"))
        #expect(en.contains("micro-kernels: simd16 (AVX-512)"))
        let pt = BenchRenderer.table(Self.conv, language: .ptBR)
        #expect(pt.contains("entrada") && pt.contains("filtros") && !pt.contains("input"))
        #expect(pt.contains("micro-kernels: simd16 (AVX-512)"))
        #expect(KernelSetText.line("portable", language: .ptBR) == "micro-kernels: portable (qualquer CPU, sem FMA)")
    }

    @Test func trainingComparisonAndRedrawInPortuguese() {
        let training = [TrainingBenchmark.Result(
            name: "train-mnist", threads: 1, batchSize: 20, batches: 5, examplesPerSecond: 8000, lastLoss: 0.5)]
        #expect(BenchRenderer.table(training, language: .ptBR).contains("exemplos/s"))
        #expect(BenchRenderer.table(training, language: .en).contains("examples/s"))
        let rows = BenchComparison.compare(
            [BenchComparison.Figure(key: "d forward t1", value: 60, unit: "GFLOP/s")],
            with: [BenchComparison.Figure(key: "d forward t1", value: 50, unit: "GFLOP/s")])
        let pt = BenchRenderer.comparison(rows, language: .ptBR)
        #expect(pt.contains("razão") && pt.contains("1,20×"))
        #expect(BenchRenderer.redraw(2.5, language: .ptBR) == "redesenho de 200×60 com um mapa de calor de 64×64: 2,50 ms por quadro")
    }

    @Test func withAPeakEveryFigureIsAlsoAShareOfIt() {
        var withPeak = Self.conv
        withPeak[0].peak_gflops = 230
        let en = BenchRenderer.table(withPeak, language: .en)
        #expect(en.contains("% of peak") && en.contains("52.6%"), "\(en)")
        #expect(en.contains("FMA peak, measured: 230.0 GFLOP/s (independent FMA chains on SIMD16, 2 threads)"), "\(en)")
        let pt = BenchRenderer.table(withPeak, language: .ptBR)
        #expect(pt.contains("% do pico") && pt.contains("52,6%") && pt.contains("120,9"), "\(pt)")
        let line = BenchRenderer.json(withPeak)
        #expect(line.contains(#""gflops":120.9,"simd_lanes":16,"kernels":"simd16","peak_gflops":230,"percent_of_peak":52.56521739130435"#), "\(line)")
        #expect(!BenchRenderer.json(Self.conv).contains("peak"))

        // A training step of 1.5 MFLOP at 10,000 examples/s is 15 GFLOP/s: 25% of a 60 GFLOP/s peak.
        let training = [TrainingBenchmark.Result(
            name: "train-mnist", threads: 1, batchSize: 20, batches: 5, examplesPerSecond: 10_000, lastLoss: 0.5,
            flopsPerExample: 1.5e6, peakGFLOPS: 60)]
        #expect(BenchRenderer.table(training, language: .en).contains("25.0%"))
        #expect(BenchRenderer.json(training).contains(#""gflops":15,"peak_gflops":60,"percent_of_peak":25"#), "\(BenchRenderer.json(training))")
    }

    @Test func aRateTimedAsZeroSecondsIsADashNotATrap() {
        #expect(NumberFormat.rate(.infinity, .en) == "—" && NumberFormat.rate(.nan, .ptBR) == "—")
        #expect(NumberFormat.rate(12_187.4, .en) == "12,187" && NumberFormat.rate(12_187.6, .ptBR) == "12.188")
        let training = [TrainingBenchmark.Result(
            name: "train-mnist", threads: 1, batchSize: 20, batches: 5, examplesPerSecond: .infinity, lastLoss: 0.5)]
        #expect(BenchRenderer.table(training, language: .en).contains("—"))
    }

    @Test func jsonKeysDoNotDependOnTheLanguage() {
        let line = BenchRenderer.json(Self.conv)
        #expect(line.hasPrefix("{\"case\":\"d\",\"pass\":\"forward\""))
        #expect(line.contains("\"simd_lanes\":16"))
    }
}
