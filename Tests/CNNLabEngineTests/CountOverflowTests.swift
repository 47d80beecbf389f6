import CNNLabEngine
import ConvCore
import Foundation
import Testing

/// Totals of counts that do not fit in `Int` (issue 14): each layer of these networks fits,
/// their sums do not, and no total may wrap to a wrong (negative) number or trap.
@Suite struct CountOverflowTests {
    /// Three layers of 4·10¹⁸ parameters each: 1.2·10¹⁹ in all, past 2⁶³ − 1.
    static let hugeNetwork = "input 2000000000; fc 2000000000; fc 2000000000; fc 2000000000"

    @Test func totalsThatDoNotFitAreTooLargeNotNegative() throws {
        let summary = NetworkSummary(layers: try reports(Self.hugeNetwork))
        let params = summary.totalParams
        let multiplyAdds = summary.totalMultiplyAdds
        let paramBytes = summary.paramBytes
        let totalBytes = summary.totalBytes
        #expect(params == nil)
        #expect(multiplyAdds == nil)
        #expect(paramBytes == nil)
        #expect(totalBytes == nil)
        let inputBytes = summary.inputBytes
        #expect(inputBytes == 8_000_000_000)
    }

    @Test func sharesOfATotalTooLargeToCountStillAddUpToOne() throws {
        let summary = NetworkSummary(layers: try reports(Self.hugeNetwork))
        let shares = summary.layers.map { summary.paramShare(of: $0) }
        let sum = shares.reduce(0, +)
        #expect(abs(sum - 1) < 1e-9)
        #expect(shares.allSatisfy { $0 >= 0 })
    }

    @Test func theSummaryCommandOfAHugeNetworkIsNotATrap() throws {
        let results = try run(Self.hugeNetwork + "; summary")
        guard case .summary(let s)? = results.last else { Issue.record("no summary"); return }
        #expect(s.layers.count == 4)
    }

    @Test(arguments: ["pytorch", "keras"])
    func exportingAHugeNetworkDoesNotTrap(_ framework: String) throws {
        let results = try run(Self.hugeNetwork + "; net export \(framework)")
        guard case .exported(_, let code)? = results.last else { Issue.record("no export"); return }
        #expect(!code.contains("== -"))
        #expect(code.contains("too large"))
    }

    @Test func aLectureNetworkStillAddsUp() throws {
        let summary = NetworkSummary(layers: try reports("input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; conv 40 f=5 s=2; flatten; softmax 10"))
        let params = summary.totalParams
        #expect(params == 44950)
        let bytes = summary.paramBytes
        #expect(bytes == 44950 * 4)
        let share = summary.paramShare(of: summary.layers[1])
        #expect(share == 280 / 44950.0)
    }

    @Test func aQuizRateFromHugeCountsInTheStatsFileStaysARate() throws {
        var stats = QuizStats()
        let topic = try #require(QuizTopic.allCases.first)
        stats.history[topic] = [
            .init(date: Date(), right: Int.max, total: Int.max), .init(date: Date(), right: 0, total: Int.max),
        ]
        let rate = stats.recentRate(topic)
        #expect(rate == 0.5)
    }
}
