import Testing
import ConvCore

/// Pooling against numpy's loop implementation (`scripts/fixtures/make_layer_fixtures.py`).
@Test func poolingMatchesNumpyForwardAndBackward() throws {
    let cases = try FixtureFile.load("layers.json").cases.filter { $0.name.hasPrefix("pool-") }
    #expect(cases.count == 14)
    for c in cases {
        let kind: PoolKind = try c.int("max") == 1 ? .max : .average
        let (f, s) = (try c.int("f"), try c.int("s"))
        let x = try c.tensor("x")
        let y = try Pool2D.forward(x, kind: kind, size: f, stride: s)
        #expect(relativeError(y, reference: try c.tensor("y")) < 1e-6, "\(c.name) forward")
        let dx = try Pool2D.backward(try c.tensor("dy"), input: x, kind: kind, size: f, stride: s)
        #expect(relativeError(dx, reference: try c.tensor("dx")) < 1e-6, "\(c.name) backward")
    }
}

@Test func poolingRejectsBadOperands() throws {
    let one = try Tensor.zeros([1, 1, 1, 3])
    #expect(throws: TensorError.self) { try Pool2D.forward(one, kind: .max, size: 2, stride: 1) }
    let x = try Tensor.zeros([2, 4, 5, 3])
    #expect(throws: TensorError.self) { try Pool2D.forward(x, kind: .max, size: 2, stride: 0) }
    #expect(throws: TensorError.self) { try Pool2D.forward(x, kind: .average, size: 0, stride: 1) }
    #expect(throws: TensorError.self) { try Pool2D.forward(x, kind: .max, size: 5, stride: 1) }
    #expect(throws: TensorError.self) { try Pool2D.forward(try Tensor.zeros([4, 5, 3]), kind: .max, size: 2, stride: 2) }
    let goodDP = try Tensor.zeros([2, 2, 2, 3])
    #expect(throws: Never.self) { try Pool2D.backward(goodDP, input: x, kind: .max, size: 2, stride: 2) }
    let badDP = try Tensor.zeros([2, 2, 2, 4])
    #expect(throws: TensorError.self) { try Pool2D.backward(badDP, input: x, kind: .average, size: 2, stride: 2) }
}

@Test func poolOutputSizeUsesFloor() throws {
    // 7 wide, f = 3, s = 2 → floor(4/2)+1 = 3; 5 high, f = 3, s = 3 → floor(2/3)+1 = 1.
    let x = try Tensor.zeros([1, 5, 7, 2])
    #expect(try Pool2D.forward(x, kind: .average, size: 3, stride: 2).shape == [1, 2, 3, 2])
    #expect(try Pool2D.forward(x, kind: .max, size: 3, stride: 3).shape == [1, 1, 2, 2])
}
