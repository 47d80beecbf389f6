import Testing
import ConvCore
@testable import CNNLabEngine

/// A smoke test of the harness: shapes and bookkeeping only, never timings.
struct ConvBenchmarkTests {
    @Test func lectureCaseRunsOnce() throws {
        let lecture = try #require(ConvBenchmark.standardCases.first { $0.name == "lecture" })
        let results = try ConvBenchmark.run(cases: [lecture], threads: 1, repetitions: 1)
        #expect(results.map(\.pass) == ["forward", "backward"])
        for r in results {
            #expect(r.case == "lecture" && r.n == 1 && r.h == 6 && r.c_in == 3 && r.c_out == 10 && r.f == 3)
            #expect(r.threads == 1)
            #expect(r.simd_lanes == KernelSet.current.lanes)
            #expect(r.kernels == KernelSet.current.rawValue)
            #expect(r.ms > 0 && r.gflops > 0 && r.gflops.isFinite)
        }
        // FLOPs: 2 · (1·4·4·10) · (3·3·3) = 8640 forward, twice that backward.
        #expect(abs(results[0].gflops * results[0].ms * 1e6 - 8640) < 1e-3)
        #expect(abs(results[1].gflops * results[1].ms * 1e6 - 17280) < 1e-3)
    }

    @Test func standardCasesAreTheDocumentedOnes() {
        let names = ConvBenchmark.standardCases.map(\.name)
        #expect(names == ["b", "c1", "c2", "d", "lecture"])
        let d = ConvBenchmark.standardCases[3]
        #expect([d.n, d.h, d.w, d.cIn, d.cOut, d.f, d.s, d.p] == [32, 32, 32, 16, 32, 3, 1, 1])
    }

    @Test func badArgumentsThrow() {
        let lecture = ConvBenchmark.standardCases[4]
        #expect(throws: ConvBenchmarkError.invalidRepetitions(0)) {
            try ConvBenchmark.run(cases: [lecture], threads: 1, repetitions: 0)
        }
        #expect(throws: TensorError.self) { try ConvBenchmark.run(cases: [lecture], threads: 0, repetitions: 1) }
    }
}
