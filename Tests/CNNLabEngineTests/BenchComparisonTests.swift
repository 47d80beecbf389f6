import Testing
import CNNLabEngine

@Suite struct BenchComparisonTests {
    @Test func readsConvAndTrainingLinesAndComputesRatios() throws {
        let saved = """
            {"case":"b","pass":"forward","n":64,"h":32,"w":32,"c_in":3,"c_out":6,"f":5,"s":1,"p":0,"threads":1,"ms":2.0,"gflops":20.5}

            {"case":"train-mnist","threads":1,"examples_per_s":1000.0}
            """
        let previous = try BenchComparison.figures(fromJSONLines: saved)
        #expect(previous.map(\.key) == ["b forward t1", "train-mnist t1"])
        let current = [
            BenchComparison.Figure(key: "b forward t1", value: 41, unit: "GFLOP/s"),
            BenchComparison.Figure(key: "d forward t1", value: 50, unit: "GFLOP/s"),
        ]
        let rows = BenchComparison.compare(current, with: previous)
        #expect(rows[0].ratio == 2)
        #expect(rows[1].ratio == nil)
    }

    @Test func malformedLinesAreReportedByNumber() {
        #expect(throws: BenchComparison.ReadError.malformedLine(2)) {
            try BenchComparison.figures(fromJSONLines: "{\"case\":\"b\",\"pass\":\"forward\",\"threads\":1,\"gflops\":1.0}\nnot json")
        }
    }
}
