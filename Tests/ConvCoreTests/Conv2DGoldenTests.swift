import Testing
@testable import ConvCore

/// Conv2D against numpy's plain-loop reference (`scripts/fixtures/make_conv_fixtures.py`),
/// forward and backward, including the course assignment's own set-up.
struct Conv2DGoldenTests {
    static let fixtures: [FixtureFile.Case] = (try? FixtureFile.load("conv.json").cases) ?? []

    @Test func fixturesLoaded() {
        #expect(Self.fixtures.count >= 10)
        #expect(Self.fixtures.contains { $0.name == "assignment" })
    }

    @Test(arguments: KernelSet.supported, [1, 2])
    func forwardMatchesNumpy(set: KernelSet, threads: Int) throws {
        try KernelSet.run(on: set) { () throws in try forward(threads: threads) }
    }

    private func forward(threads: Int) throws {
        for c in Self.fixtures {
            let z = try Conv2D.forward(
                c.tensor("x"), weights: c.tensor("w"), bias: c.tensor("b"),
                stride: c.int("stride"), padding: c.int("pad"), threads: threads)
            let expected = try c.tensor("z")
            #expect(z.shape == expected.shape, "\(c.name)")
            #expect(relativeError(z, reference: expected) < 1e-5, "\(c.name)")
        }
    }

    @Test(arguments: KernelSet.supported, [1, 3])
    func backwardMatchesNumpy(set: KernelSet, threads: Int) throws {
        try KernelSet.run(on: set) { () throws in try backward(threads: threads) }
    }

    private func backward(threads: Int) throws {
        for c in Self.fixtures {
            let g = try Conv2D.backward(
                c.tensor("dz"), input: c.tensor("x"), weights: c.tensor("w"),
                stride: c.int("stride"), padding: c.int("pad"), threads: threads)
            #expect(relativeError(g.dA, reference: try c.tensor("da")) < 1e-5, "\(c.name) dA")
            #expect(relativeError(g.dW, reference: try c.tensor("dw")) < 1e-5, "\(c.name) dW")
            #expect(relativeError(g.db, reference: try c.tensor("db")) < 1e-5, "\(c.name) db")
            #expect(g.db.shape == [1, 1, 1, try c.tensor("w").shape[3]])
        }
    }

    /// The assignment prints `np.mean(Z) = 0.5511276474566768` and
    /// `Z[0,2,1] = [-2.17796037, 8.07171329, -0.5772704, 3.36286738, 4.48113645, -2.89198428, 10.99288867, 3.03171932]`.
    @Test func assignmentPrintedValues() throws {
        let c = try #require(Self.fixtures.first { $0.name == "assignment" })
        let z = try Conv2D.forward(c.tensor("x"), weights: c.tensor("w"), bias: c.tensor("b"), stride: 2, padding: 1)
        #expect(z.shape == [2, 3, 4, 8])
        let mean = z.storage.reduce(0, +) / Float(z.count)
        #expect(abs(mean - 0.5511276) < 1e-4)
        let printed: [Float] = [-2.17796037, 8.07171329, -0.5772704, 3.36286738, 4.48113645, -2.89198428, 10.99288867, 3.03171932]
        for (ch, v) in printed.enumerated() {
            #expect(abs(try z.element(at: [0, 2, 1, ch]) - v) < 1e-4)
        }
    }

    @Test func biasMayBeFlatOrAbsent() throws {
        let c = try #require(Self.fixtures.first { $0.name == "assignment" })
        let x = try c.tensor("x"), w = try c.tensor("w"), b = try c.tensor("b")
        let withFlat = try Conv2D.forward(x, weights: w, bias: b.reshaped([8]), stride: 2, padding: 1)
        #expect(withFlat == (try Conv2D.forward(x, weights: w, bias: b, stride: 2, padding: 1)))
        let without = try Conv2D.forward(x, weights: w, bias: nil, stride: 2, padding: 1)
        for i in 0..<without.count {
            #expect(abs(without.storage[i] + b.storage[i % 8] - withFlat.storage[i]) < 1e-5)
        }
    }

    @Test func outputSizeFormula() {
        #expect(Conv2D.outputSize(6, filter: 3, stride: 1, padding: 0) == 4)
        #expect(Conv2D.outputSize(39, filter: 5, stride: 2, padding: 0) == 18)
        #expect(Conv2D.outputSize(7, filter: 3, stride: 2, padding: 0) == 3)
        #expect(Conv2D.outputSize(5, filter: 3, stride: 2, padding: 1) == 3)
        #expect(Conv2D.outputSize(3, filter: 5, stride: 1, padding: 0) == nil)
        #expect(Conv2D.outputSize(3, filter: 5, stride: 1, padding: 1) == 1)
        #expect(Conv2D.outputSize(5, filter: 3, stride: 0, padding: 0) == nil)
        #expect(Conv2D.outputSize(5, filter: 3, stride: 1, padding: -1) == nil)
        #expect(Conv2D.outputSize(5, filter: 0, stride: 1, padding: 0) == nil)
        #expect(Conv2D.outputSize(5, filter: 3, stride: 1, padding: Int.max / 2 + 1) == nil)
    }
}

/// Every bad operand is a thrown `TensorError`, never a trap.
struct Conv2DErrorTests {
    let x: Tensor
    let w: Tensor

    init() throws {
        x = try Tensor.ones([2, 5, 7, 3])
        w = try Tensor.ones([3, 3, 3, 4])
    }

    private func forwardError(_ body: () throws(TensorError) -> Tensor) -> TensorError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func strideZero() {
        let e = forwardError { () throws(TensorError) in try Conv2D.forward(x, weights: w, bias: nil, stride: 0, padding: 0) }
        guard case .invalidParameter(_, "stride", 0, _)? = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func negativePaddingAndThreads() throws {
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: -1) }
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: 0, threads: 0) }
        let dz = try Tensor.ones([2, 3, 5, 4])
        #expect(throws: TensorError.self) { try Conv2D.backward(dz, input: x, weights: w, stride: 1, padding: 0, threads: 0) }
    }

    @Test func channelMismatch() throws {
        let w2 = try Tensor.ones([3, 3, 2, 4])
        let e = forwardError { () throws(TensorError) in try Conv2D.forward(x, weights: w2, bias: nil, stride: 1, padding: 0) }
        guard case .shapeMismatch? = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func filterLargerThanPaddedInput() throws {
        let w6 = try Tensor.ones([6, 6, 3, 1])
        let e = forwardError { () throws(TensorError) in try Conv2D.forward(x, weights: w6, bias: nil, stride: 1, padding: 0) }
        guard case .invalidParameter(_, "filter", 6, _)? = e else { Issue.record("got \(String(describing: e))"); return }
        // With padding 1 the 5-row input is 7 tall, so the same filter fits.
        #expect(try Conv2D.forward(x, weights: w6, bias: nil, stride: 1, padding: 1).shape == [2, 2, 4, 1])
    }

    @Test func wrongRanksAndNonSquareFilter() throws {
        #expect(throws: TensorError.self) { try Conv2D.forward(try Tensor.ones([5, 7, 3]), weights: w, bias: nil, stride: 1, padding: 0) }
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: try Tensor.ones([3, 3, 3]), bias: nil, stride: 1, padding: 0) }
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: try Tensor.ones([3, 2, 3, 4]), bias: nil, stride: 1, padding: 0) }
    }

    @Test func biasOfWrongSize() throws {
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: w, bias: try Tensor.ones([1, 1, 1, 3]), stride: 1, padding: 0) }
        #expect(throws: TensorError.self) { try Conv2D.forward(x, weights: w, bias: try Tensor.ones([2, 2]), stride: 1, padding: 0) }
    }

    @Test func dZShapeMustMatchForwardOutput() throws {
        #expect(try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: 0).shape == [2, 3, 5, 4])
        let good = try Tensor.ones([2, 3, 5, 4])
        #expect(try Conv2D.backward(good, input: x, weights: w, stride: 1, padding: 0).dA.shape == x.shape)
        for bad in [[2, 3, 5, 3], [1, 3, 5, 4], [2, 5, 3, 4], [2, 3, 5]] {
            #expect(throws: TensorError.self) { try Conv2D.backward(try Tensor.ones(bad), input: x, weights: w, stride: 1, padding: 0) }
        }
        #expect(throws: TensorError.self) { try Conv2D.backward(good, input: x, weights: w, stride: 0, padding: 0) }
    }
}
