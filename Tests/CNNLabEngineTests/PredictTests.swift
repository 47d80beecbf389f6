import ConvCore
import Testing
@testable import CNNLabEngine

/// `predict X`: the softmax output per example, its class, and located errors.
@Suite struct PredictTests {
    static let network = "input 4x4; flatten; fc 5; relu; softmax 3; seed 1"

    func report(_ source: String, in session: Session = Session()) throws -> PredictionReport? {
        guard case .predicted(let r)? = try run(source, in: session).last else { return nil }
        return r
    }

    @Test func oneExampleGetsTheMostProbableClass() throws {
        let r = try #require(try report(Self.network + "; predict randn(4,4)"))
        let p = try #require(r.predictions.first)
        let sum = p.probabilities.reduce(0, +)
        let best = p.probabilities.max()
        #expect(!r.batched && r.predictions.count == 1)
        #expect(abs(sum - 1) < 1e-6)
        #expect(p.probabilities[p.classIndex] == best)
        #expect(r.classNames == ["0", "1", "2"])
    }

    @Test func aBatchGetsOnePredictionPerExample() throws {
        let r = try #require(try report(Self.network + "; predict randn(6,4,4,1)"))
        let counts = r.predictions.map(\.probabilities.count)
        #expect(r.batched)
        #expect(counts == [3, 3, 3, 3, 3, 3])
    }

    /// The probabilities are the softmax layer's a[L] after the same `forward`.
    @Test func predictAgreesWithForward() throws {
        let session = Session()
        let r = try #require(try report(Self.network + "; let X = randn(2,4,4,1); predict X", in: session))
        try run("forward X", in: session)
        let last = session.activations?.a.last?.storage
        #expect(last == r.predictions.flatMap(\.probabilities))
    }

    @Test func rankingBreaksTiesByClassOrder() {
        let p = Prediction(probabilities: [0.25, 0.5, 0.25])
        #expect(p.ranked == [1, 0, 2])
        #expect(p.classIndex == 1)
    }

    @Test func notANumberRanksLast() {
        let p = Prediction(probabilities: [.nan, 0.2, .nan, 0.8])
        #expect(p.ranked == [3, 1, 0, 2])
    }

    @Test func withoutANetworkThereIsNothingToPredict() {
        let d = diagnostic("predict ones(2,2)")
        #expect(d?.problem == .noInput)
    }

    @Test func theNetworkMustEndInSoftmax() {
        let d = diagnostic("input 4x4; flatten; fc 3; relu; predict ones(4,4)")
        let alone = diagnostic("input 4x4; predict ones(4,4)")
        #expect(d?.problem == .noSoftmaxOutput(lastLayer: "relu"))
        #expect(alone?.problem == .noSoftmaxOutput(lastLayer: "input"))
        let hint = d?.hint(in: .en) ?? ""
        #expect(hint.contains("softmax 10"))
    }

    @Test func aTensorOfAnotherShapeIsLocatedOnTheExpression() {
        let source = Self.network + "; predict ones(3,3)"
        let d = diagnostic(source)
        let column = source.count - "ones(3,3)".count + 1
        #expect(d?.problem == .predictInputShape(expected: [4, 4, 1], got: [3, 3]))
        #expect(d?.range?.column == column)
        let portuguese = d?.message(in: .ptBR) ?? ""
        #expect(portuguese.hasPrefix("predict precisa"))
    }
}
