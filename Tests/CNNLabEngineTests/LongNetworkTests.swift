import CNNLabEngine
import Foundation
import Testing

/// Building a network costs time in proportion to its layers (issue 14): appending a layer
/// does not analyse the layers before it again. Timings are compared between n and 4n
/// layers, never against a clock, so a slow machine does not fail the test.
@Suite(.serialized) struct LongNetworkTests {
    /// Seconds for the fastest of three runs of `body`.
    func fastest(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func script(_ n: Int) -> String {
        "input 4x4x1\n" + String(repeating: "relu\npool max f=1\n", count: n / 2)
    }

    @Test func aScriptOfFourTimesTheLayersTakesAboutFourTimesAsLong() throws {
        let n = 2_000
        let small = try fastest { try run(script(n)) }
        let large = try fastest { try run(script(4 * n)) }
        #expect(large < 10 * small, "\(n) layers: \(small) s, \(4 * n) layers: \(large) s")
    }

    @Test func aNetworkFileOfFourTimesTheLayersLoadsInAboutFourTimesAsLong() throws {
        let n = 2_000
        try withTemporaryDirectory { dir in
            try Data(script(n).utf8).write(to: dir.appendingPathComponent("small.cnn"))
            try Data(script(4 * n).utf8).write(to: dir.appendingPathComponent("large.cnn"))
            let session = Session(workingDirectory: dir.path)
            let small = try fastest { try run("net load \"small.cnn\"", in: session) }
            let large = try fastest { try run("net load \"large.cnn\"", in: session) }
            #expect(large < 10 * small, "\(n) layers: \(small) s, \(4 * n) layers: \(large) s")
            #expect(session.layers.count == 4 * n)
        }
    }

    @Test func reportingTheNetworkAfterEveryLayerStaysLinear() {
        let n = 2_000
        func build(_ count: Int) {
            var last = 0
            ScriptRunner.run(script(count), in: Session(), keepGoing: false, reportNetwork: true) { outcome in
                last = outcome.network?.count ?? last
            }
            #expect(last == count + 1)
        }
        let small = fastest { build(n) }
        let large = fastest { build(4 * n) }
        #expect(large < 10 * small, "\(n) layers: \(small) s, \(4 * n) layers: \(large) s")
    }

    @Test func twentyThousandLayersBuildAndSummarise() throws {
        let session = Session()
        try run("input 4x4x1\n" + String(repeating: "relu\n", count: 20_000) + "summary", in: session)
        #expect(session.layers.count == 20_000)
    }
}
