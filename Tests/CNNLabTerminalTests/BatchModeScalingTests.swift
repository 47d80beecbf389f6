import CNNLabEngine
import CNNLabTerminal
import Foundation
import Testing

/// Batch mode's time grows with the script, not with its square (issue 14): with
/// `--keep-going`, each of many errors shows its line without splitting the script again.
/// Timings are compared between n and 4n statements, never against a clock.
@Suite(.serialized) struct BatchModeScalingTests {
    func seconds(_ statements: Int) -> Double {
        let source = String(repeating: "cnv 10 f=3\n", count: statements)
        let mode = BatchMode(format: .text, context: RenderContext(language: .en, style: .plain, width: 80), keepGoing: true)
        var best = Double.infinity
        for _ in 0..<3 {
            var errors = 0
            let start = DispatchTime.now().uptimeNanoseconds
            mode.run(source, session: Session(), output: { _ in }, errors: { _ in errors += 1 })
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            #expect(errors == statements)
        }
        return best
    }

    @Test func fourTimesTheErrorsTakeAboutFourTimesAsLong() {
        let n = 1_500
        let small = seconds(n)
        let large = seconds(4 * n)
        #expect(large < 10 * small, "\(n) errors: \(small) s, \(4 * n) errors: \(large) s")
    }
}
