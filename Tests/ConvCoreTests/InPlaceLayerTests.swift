import Testing
@testable import ConvCore

/// The `into:` forms of every layer give the same numbers as the value-returning forms, whatever
/// the output tensor held before, and keep its storage when the shape already fits.
struct InPlaceLayerTests {
    private static func random(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return try Tensor.generated(shape) { 2 * rng.nextUniform() - 1 }
    }

    /// Where a tensor's elements live (to see that storage was reused, not replaced).
    private static func address(_ t: Tensor) -> UnsafeRawPointer? {
        t.storage.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    /// Runs `body` into a placeholder, into a wrong-shaped tensor and twice into the same tensor
    /// holding garbage; every result must equal `expected`, and the last call must not move it.
    private static func check(_ expected: Tensor, _ body: (inout Tensor) throws -> Void) throws {
        var fresh = Tensor.placeholder
        try body(&fresh)
        #expect(fresh == expected)
        var wrong = try Tensor(shape: [3, 1], repeating: 7)
        try body(&wrong)
        #expect(wrong == expected)
        var reused = try Tensor(shape: expected.shape, repeating: .nan)
        let before = address(reused)
        try body(&reused)
        try body(&reused)
        #expect(reused == expected)
        #expect(address(reused) == before)
    }

    @Test func convForwardAndBackward() throws {
        let x = try Self.random([3, 7, 6, 2], seed: 1)
        let w = try Self.random([3, 3, 2, 5], seed: 2)
        let b = try Self.random([1, 1, 1, 5], seed: 3)
        let z = try Conv2D.forward(x, weights: w, bias: b, stride: 2, padding: 1)
        try Self.check(z) { try Conv2D.forward(x, weights: w, bias: b, stride: 2, padding: 1, into: &$0) }
        let dZ = try Self.random(z.shape, seed: 4)
        let g = try Conv2D.backward(dZ, input: x, weights: w, stride: 2, padding: 1)
        var dA = Tensor.placeholder, dW = try Tensor(shape: [1], repeating: 3), db = Tensor.placeholder
        for _ in 0..<2 {
            try Conv2D.backward(dZ, input: x, weights: w, stride: 2, padding: 1, dA: &dA, dW: &dW, db: &db)
            #expect(dA == g.dA && dW == g.dW && db == g.db)
        }
        var onlyW = Tensor.placeholder, onlyB = Tensor.placeholder
        try Conv2D.parameterGradients(dZ, input: x, weights: w, stride: 2, padding: 1, dW: &onlyW, db: &onlyB)
        #expect(onlyW == g.dW && onlyB == g.db)
    }

    @Test(arguments: PoolKind.allCases)
    func poolForwardAndBackward(kind: PoolKind) throws {
        let x = try Self.random([2, 6, 5, 3], seed: 5)
        let p = try Pool2D.forward(x, kind: kind, size: 3, stride: 2)
        try Self.check(p) { try Pool2D.forward(x, kind: kind, size: 3, stride: 2, into: &$0) }
        let dP = try Self.random(p.shape, seed: 6)
        let dA = try Pool2D.backward(dP, input: x, kind: kind, size: 3, stride: 2)
        try Self.check(dA) { try Pool2D.backward(dP, input: x, kind: kind, size: 3, stride: 2, into: &$0) }
    }

    @Test(arguments: Activation.allCases)
    func activationForwardAndBackward(activation: Activation) throws {
        let z = try Self.random([2, 4, 3], seed: 7)
        try Self.check(activation.forward(z)) { activation.forward(z, into: &$0) }
        let dA = try Self.random(z.shape, seed: 8)
        let dZ = try activation.backward(dA, input: z)
        try Self.check(dZ) { try activation.backward(dA, input: z, into: &$0) }
    }

    @Test func denseTakesAVolumeAsItsFlattenedRows() throws {
        let volume = try Self.random([4, 2, 3, 2], seed: 9)
        let x = try Flatten.forward(volume)
        let w = try Self.random([12, 5], seed: 10)
        let b = try Self.random([1, 5], seed: 11)
        let y = try Dense.forward(x, weights: w, bias: b)
        try Self.check(y) { try Dense.forward(volume, weights: w, bias: b, into: &$0) }
        try Self.check(try Dense.forward(x, weights: w, bias: nil)) { try Dense.forward(volume, weights: w, bias: nil, into: &$0) }
        let dY = try Self.random(y.shape, seed: 12)
        let g = try Dense.backward(dY, input: x, weights: w)
        var dX = Tensor.placeholder, dW = Tensor.placeholder, db = Tensor.placeholder
        for _ in 0..<2 {
            try Dense.backward(dY, input: volume, weights: w, dX: &dX, dW: &dW, db: &db)
            #expect(dX == (try g.dX.reshaped(volume.shape)) && dW == g.dW && db == g.db)
        }
        var untouched = Tensor.placeholder
        #expect(throws: TensorError.self) { try Dense.forward(volume, weights: try Tensor.zeros([11, 5]), bias: nil, into: &untouched) }
        #expect(untouched.count == 0)
    }

    @Test func softmaxCrossEntropyAndFlatten() throws {
        let logits = try Self.random([3, 4], seed: 13)
        try Self.check(try Softmax.forward(logits)) { try Softmax.forward(logits, into: &$0) }
        let (loss, gradient) = try Softmax.crossEntropy(logits: logits, labels: [0, 3, 1])
        try Self.check(gradient) {
            let again = try Softmax.crossEntropy(logits: logits, labels: [0, 3, 1], gradient: &$0)
            #expect(again == loss)
        }
        let volume = try Self.random([2, 3, 2, 1], seed: 14)
        let flat = try Flatten.forward(volume)
        try Self.check(flat) { try Flatten.forward(volume, into: &$0) }
        try Self.check(volume) { try Flatten.backward(flat, like: volume, into: &$0) }
    }

    /// Threads split the batch (pooling) or the elements (activations); results are identical.
    @Test func threadsGiveTheSameNumbers() throws {
        let x = try Self.random([5, 9, 8, 11], seed: 15)
        for kind in PoolKind.allCases {
            let p = try Pool2D.forward(x, kind: kind, size: 3, stride: 2)
            try Self.check(p) { try Pool2D.forward(x, kind: kind, size: 3, stride: 2, threads: 3, into: &$0) }
            let dP = try Self.random(p.shape, seed: 16)
            let dA = try Pool2D.backward(dP, input: x, kind: kind, size: 3, stride: 2)
            try Self.check(dA) { try Pool2D.backward(dP, input: x, kind: kind, size: 3, stride: 2, threads: 2, into: &$0) }
        }
        var out = Tensor.placeholder
        #expect(throws: TensorError.self) { try Pool2D.forward(x, kind: .max, size: 2, stride: 2, threads: 0, into: &out) }
        let big = try Self.random([3, 20_000], seed: 17)  // 60,000 elements: three parts of ≥ 2^14
        for activation in Activation.allCases {
            try Self.check(activation.forward(big)) { activation.forward(big, threads: 4, into: &$0) }
            let dA = try Self.random(big.shape, seed: 18)
            try Self.check(try activation.backward(dA, input: big)) { try activation.backward(dA, input: big, threads: 2, into: &$0) }
        }
    }

    @Test func aScalarIsNotMistakenForThePlaceholder() throws {
        let scalar = Tensor(scalar: -2)
        try Self.check(Tensor(scalar: 0)) { Activation.relu.forward(scalar, into: &$0) }
    }
}
