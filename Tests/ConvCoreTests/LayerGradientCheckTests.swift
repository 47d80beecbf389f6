import Testing
@testable import ConvCore  // sets single elements of `storage`

/// Finite-difference checks of every backward pass: for `L = Σ R ⊙ f(x)` with a fixed random `R`,
/// the analytic `backward(R)` must match central differences `(L(x+h) − L(x−h)) / 2h`.
/// `L` is accumulated in Double and `2h` is the step actually taken in Float, so the check is
/// limited by the layer's own Float rounding, not by the harness.
private struct GradientCheck {
    var rng = SeededGenerator(seed: 7)

    mutating func gaussian(_ shape: [Int], scale: Float = 1) throws -> Tensor {
        try Tensor.generated(shape) { scale * rng.nextGaussian() }
    }

    /// Distinct values spaced 0.1 apart (shuffled), so a step of 0.01 never changes a maximum.
    mutating func distinct(_ shape: [Int]) throws -> Tensor {
        let count = Tensor.elementCount(shape) ?? 0
        var values = (0..<count).map { Float($0 - count / 2) * 0.1 }
        values.shuffle(using: &rng)
        return try Tensor(shape: shape, storage: values)
    }

    static func weightedSum(_ y: Tensor, _ r: Tensor) -> Double {
        zip(y.storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Largest `|analytic − numeric|`, relative to `max(1, max|numeric|)`, over all elements of `x`.
    static func error(of analytic: Tensor, at x: Tensor, h: Float = 1e-2, _ loss: (Tensor) throws -> Double) throws -> Double {
        var worst = 0.0, scale = 1.0
        var probe = x
        for i in 0..<x.count {
            let x0 = x.storage[i]
            probe.storage[i] = x0 + h
            let plus = try loss(probe)
            let up = probe.storage[i]
            probe.storage[i] = x0 - h
            let minus = try loss(probe)
            let step = Double(up) - Double(probe.storage[i])
            probe.storage[i] = x0
            let numeric = (plus - minus) / step
            scale = max(scale, abs(numeric))
            worst = max(worst, abs(numeric - Double(analytic.storage[i])))
        }
        return worst / scale
    }
}

@Test(arguments: PoolKind.allCases, [(2, 2), (3, 1), (3, 2)])
func poolingGradientMatchesFiniteDifferences(kind: PoolKind, window: (Int, Int)) throws {
    var check = GradientCheck()
    let (f, s) = window
    let x = try check.distinct([2, 6, 7, 3])
    let y = try Pool2D.forward(x, kind: kind, size: f, stride: s)
    let r = try check.gaussian(y.shape)
    let dx = try Pool2D.backward(r, input: x, kind: kind, size: f, stride: s)
    let err = try GradientCheck.error(of: dx, at: x) {
        GradientCheck.weightedSum(try Pool2D.forward($0, kind: kind, size: f, stride: s), r)
    }
    #expect(err < 1e-3, "\(kind) f=\(f) s=\(s): \(err)")
}

@Test(arguments: Activation.allCases)
func activationGradientMatchesFiniteDifferences(activation: Activation) throws {
    var check = GradientCheck()
    // Keep ReLU inputs away from its kink at 0, where finite differences are meaningless.
    let z = try check.gaussian([3, 4, 5], scale: 2).map { abs($0) < 0.05 ? $0 + 0.1 : $0 }
    let r = try check.gaussian(z.shape)
    let dz = try activation.backward(r, input: z)
    let err = try GradientCheck.error(of: dz, at: z, h: 1e-3) {
        GradientCheck.weightedSum(activation.forward($0), r)
    }
    #expect(err < 1e-3, "\(activation): \(err)")
}

@Test func denseGradientsMatchFiniteDifferences() throws {
    var check = GradientCheck()
    let x = try check.gaussian([4, 6]), w = try check.gaussian([6, 5], scale: 0.5), b = try check.gaussian([1, 5])
    let r = try check.gaussian([4, 5])
    let g = try Dense.backward(r, input: x, weights: w)
    let errX = try GradientCheck.error(of: g.dX, at: x) {
        GradientCheck.weightedSum(try Dense.forward($0, weights: w, bias: b), r)
    }
    let errW = try GradientCheck.error(of: g.dW, at: w) {
        GradientCheck.weightedSum(try Dense.forward(x, weights: $0, bias: b), r)
    }
    let errB = try GradientCheck.error(of: g.db, at: b) {
        GradientCheck.weightedSum(try Dense.forward(x, weights: w, bias: $0), r)
    }
    #expect(errX < 1e-3 && errW < 1e-3 && errB < 1e-3, "dX \(errX) dW \(errW) db \(errB)")
}

@Test func softmaxCrossEntropyGradientMatchesFiniteDifferences() throws {
    var check = GradientCheck()
    let z = try check.gaussian([5, 7], scale: 2)
    let labels = [3, 0, 6, 2, 2]
    let (_, dz) = try Softmax.crossEntropy(logits: z, labels: labels)
    let err = try GradientCheck.error(of: dz, at: z, h: 1e-2) {
        Double(try Softmax.crossEntropy(logits: $0, labels: labels).loss)
    }
    #expect(err < 1e-3, "cross-entropy: \(err)")
}

@Test func gradientCheckCatchesAWrongGradient() throws {
    // The harness itself must be able to fail: a gradient scaled by 1.01 is rejected.
    var check = GradientCheck()
    let z = try check.gaussian([10])
    let r = try check.gaussian([10])
    let wrong = try Activation.tanh.backward(r, input: z).map { $0 * 1.01 }
    let err = try GradientCheck.error(of: wrong, at: z, h: 1e-3) {
        GradientCheck.weightedSum(Activation.tanh.forward($0), r)
    }
    #expect(err > 1e-3)
}
