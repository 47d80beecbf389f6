import Testing
import ConvCore

@Test(arguments: KernelSet.supported)
func denseMatchesNumpyForwardAndBackward(set: KernelSet) throws {
    try KernelSet.run(on: set) { () throws in try denseCases() }
}

private func denseCases() throws {
    let cases = try FixtureFile.load("layers.json").cases.filter { $0.name.hasPrefix("dense-") }
    #expect(cases.count == 4)
    for c in cases {
        let x = try c.tensor("x"), w = try c.tensor("w")
        let bias = try c.int("bias") == 0 ? nil : try c.tensor("b")
        let y = try Dense.forward(x, weights: w, bias: bias)
        #expect(relativeError(y, reference: try c.tensor("y")) < 1e-5, "\(c.name) forward")
        let g = try Dense.backward(try c.tensor("dy"), input: x, weights: w)
        #expect(relativeError(g.dX, reference: try c.tensor("dx")) < 1e-5, "\(c.name) dX")
        #expect(relativeError(g.dW, reference: try c.tensor("dw")) < 1e-5, "\(c.name) dW")
        #expect(g.db.shape == [1, w.shape[1]])
        #expect(relativeError(g.db, reference: try c.tensor("db")) < 1e-5, "\(c.name) db")
    }
}

@Test func denseRejectsBadOperands() throws {
    let x = try Tensor.zeros([2, 3]), w = try Tensor.zeros([3, 4])
    #expect(throws: TensorError.self) { try Dense.forward(x, weights: try Tensor.zeros([4, 4]), bias: nil) }
    #expect(throws: TensorError.self) { try Dense.forward(try Tensor.zeros([2, 3, 1]), weights: w, bias: nil) }
    #expect(throws: TensorError.self) { try Dense.forward(x, weights: w, bias: try Tensor.zeros([1, 3])) }
    #expect(throws: TensorError.self) { try Dense.forward(x, weights: w, bias: try Tensor.zeros([4, 1])) }
    #expect(throws: TensorError.self) { try Dense.backward(try Tensor.zeros([2, 3]), input: x, weights: w) }
}

@Test func flattenKeepsTheBatchAndRowMajorOrder() throws {
    // The lecture's 7×7×40 → 1960.
    let x = try Tensor(shape: [2, 7, 7, 40], storage: (0..<3920).map { Float($0) })
    let v = try Flatten.forward(x)
    #expect(v.shape == [2, 1960])
    #expect(v.storage == x.storage)
    #expect(try Flatten.forward(try Tensor.zeros([3])).shape == [3, 1])
    #expect(throws: TensorError.self) { try Flatten.forward(Tensor(scalar: 1)) }
}
