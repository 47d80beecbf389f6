import Testing
import ConvCore

/// The optimizers against numpy references of their published formulas
/// (`scripts/fixtures/make_optimizer_fixtures.py`, which cites each source): five steps on two
/// tensors of different shapes, with momentum, bias correction and L2 weight decay.
@Suite struct OptimizerNumpyTests {
    /// Weights after every step within `relativeError` 1e-5 (`max|Δ| / max(1, max|w|)`, the
    /// weights being of order 1): a few float32 roundings per step, where the slips the script
    /// checks for (ConvNetJS's multiplied bias correction among them) are 1e-2 or more away.
    static let tolerance: Float = 1e-5

    /// The case's optimizer, built from its hyper-parameters.
    private func optimizer(for c: FixtureFile.Case) throws -> any Optimizer {
        let decay = try c.float("decay")
        if c.name.hasPrefix("sgd:") {
            return SGD(learningRate: try c.float("lr"), momentum: try c.float("momentum"), weightDecay: decay)
        }
        if c.name.hasPrefix("adam:") {
            return Adam(
                learningRate: try c.float("lr"), beta1: try c.float("beta1"), beta2: try c.float("beta2"),
                epsilon: try c.float("eps"), weightDecay: decay)
        }
        return Adadelta(rho: try c.float("rho"), epsilon: try c.float("eps"), weightDecay: decay)
    }

    @Test(arguments: [
        "sgd:sgd-plain", "sgd:sgd-momentum-decay", "adam:adam-defaults", "adam:adam-decay",
        "adadelta:adadelta-defaults", "adadelta:adadelta-decay",
    ])
    func everyStepMatchesNumpy(_ name: String) throws {
        let file = try FixtureFile.load("optimizers.json")
        let c = try #require(file.cases.first { $0.name == name })
        var optimizer = try optimizer(for: c)
        let steps = try c.int("steps")
        let tensorCount = try c.int("tensors")
        var parameters = try (0..<tensorCount).map { k in try c.tensor("w\(k)") }
        for t in 1...steps {
            let gradients = try (0..<tensorCount).map { k in try c.tensor("g\(k)_\(t)") }
            try optimizer.step(parameters: &parameters, gradients: gradients)
            for k in 0..<tensorCount {
                let expected = try c.tensor("w\(k)_\(t)")
                let error = relativeError(parameters[k], reference: expected)
                #expect(error < Self.tolerance, "\(name) step \(t) tensor \(k): relative error \(error)")
            }
        }
    }

    @Test func theFixtureCoversEveryOptimizer() throws {
        let names = try FixtureFile.load("optimizers.json").cases.map(\.name)
        let kinds = Set(names.compactMap { $0.split(separator: ":").first.map(String.init) })
        #expect(kinds == ["sgd", "adam", "adadelta"])
        #expect(names.count == 6)
    }
}
