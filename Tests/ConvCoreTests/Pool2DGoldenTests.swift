import Testing
import ConvCore

/// Pooling against numpy's loop implementation (`scripts/fixtures/make_layer_fixtures.py`).
@Test func poolingMatchesNumpyForwardAndBackward() throws {
    let cases = try FixtureFile.load("layers.json").cases.filter { $0.name.hasPrefix("pool-") }
    #expect(cases.count == 18)
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

/// Ties and NaN in max-pool backward on 9 channels (8 through the vectorised scan, 1 scalar):
/// a tie sends the gradient to the first maximum in row-major window order; a NaN in the first
/// cell wins its window, a NaN elsewhere is ignored.
@Test func maxPoolBackwardTiesAndNaNOnEveryChannelPath() throws {
    let c = 9
    var x = [Float](repeating: 0, count: 2 * 2 * c)  // one 2×2 window; cells (0,0) (0,1) (1,0) (1,1)
    func set(_ cell: Int, _ ch: Int, _ v: Float) { x[cell * c + ch] = v }
    for ch in [1, 8] {  // ties between cells 1 and 3: cell 1 is first
        set(1, ch, 5)
        set(3, ch, 5)
    }
    for ch in [2, 7] { set(0, ch, .nan) }  // NaN first: cell 0 wins
    for ch in [3, 6] {  // NaN later is ignored: cell 2 (4) beats cell 0 (1)
        set(0, ch, 1)
        set(1, ch, .nan)
        set(2, ch, 4)
    }
    let input = try Tensor(shape: [1, 2, 2, c], storage: x)
    let dP = try Tensor(shape: [1, 1, 1, c], storage: (1...c).map(Float.init))
    let dA = try Pool2D.backward(dP, input: input, kind: .max, size: 2, stride: 2).storage
    let winner: [Int: Int] = [1: 1, 8: 1, 2: 0, 7: 0, 3: 2, 6: 2]
    for ch in 0..<c {
        let cell = winner[ch] ?? 0  // all-zero channels tie everywhere: cell 0
        for k in 0..<4 {
            #expect(dA[k * c + ch] == (k == cell ? Float(ch + 1) : 0), "channel \(ch) cell \(k)")
        }
    }
}
