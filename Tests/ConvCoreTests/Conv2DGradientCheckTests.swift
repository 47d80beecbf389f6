import Testing
@testable import ConvCore

/// Finite-difference check of `Conv2D.backward`: for the scalar loss `L = Σ Z ⊙ R` with a fixed
/// random `R`, `∂L/∂Z = R`, so `backward(R)` must match central differences of `L` (evaluated in
/// Double from the Float forward kernel) in every input, weight and bias element.
struct Conv2DGradientCheckTests {
    private static func loss(_ z: Tensor, _ r: Tensor) -> Double {
        zip(z.storage, r.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test(arguments: KernelSet.supported, [
        // (m, n_H, n_W, c_in, c_out, f)
        (2, 5, 4, 2, 3, 3),
        (1, 6, 7, 3, 2, 2),
    ])
    func gradientsMatchCentralDifferences(set: KernelSet, shape: (Int, Int, Int, Int, Int, Int)) throws {
        try KernelSet.run(on: set) { () throws in try check(shape) }
    }

    private func check(_ shape: (Int, Int, Int, Int, Int, Int)) throws {
        let (m, h, w, cIn, cOut, f) = shape
        let stride = 2, padding = 1
        var s = TestStream(seed: UInt64(h * 31 + w))
        let x = try Tensor.generated([m, h, w, cIn]) { s.next() }
        let weights = try Tensor.generated([f, f, cIn, cOut]) { s.next() }
        let bias = try Tensor.generated([1, 1, 1, cOut]) { s.next() }
        let z = try Conv2D.forward(x, weights: weights, bias: bias, stride: stride, padding: padding)
        let r = try Tensor.generated(z.shape) { s.next() }
        let grads = try Conv2D.backward(r, input: x, weights: weights, stride: stride, padding: padding)

        let eps: Float = 1e-2
        func numeric(_ perturb: (inout Tensor, inout Tensor, inout Tensor, Float) -> Void) throws -> Double {
            var (xp, wp, bp) = (x, weights, bias)
            perturb(&xp, &wp, &bp, eps)
            var (xm, wm, bm) = (x, weights, bias)
            perturb(&xm, &wm, &bm, -eps)
            let lp = Self.loss(try Conv2D.forward(xp, weights: wp, bias: bp, stride: stride, padding: padding), r)
            let lm = Self.loss(try Conv2D.forward(xm, weights: wm, bias: bm, stride: stride, padding: padding), r)
            return (lp - lm) / (2 * Double(eps))
        }

        var worst = 0.0
        func check(_ analytic: Float, _ numericValue: Double) {
            worst = max(worst, abs(Double(analytic) - numericValue) / max(1, abs(numericValue)))
        }
        for i in 0..<x.count {
            check(grads.dA.storage[i], try numeric { xx, _, _, e in xx.storage[i] += e })
        }
        for i in 0..<weights.count {
            check(grads.dW.storage[i], try numeric { _, ww, _, e in ww.storage[i] += e })
        }
        for i in 0..<bias.count {
            check(grads.db.storage[i], try numeric { _, _, bb, e in bb.storage[i] += e })
        }
        #expect(worst < 2e-3, "worst relative error \(worst)")
    }

    /// A case small enough to do by hand: ones everywhere, 3×3 input, 3×3 filter, p = 1, s = 1.
    /// Each output, each input gradient and each weight gradient counts the in-bounds cells of
    /// one window: 4 at corners, 6 on edges, 9 in the middle; db counts the 9 outputs.
    @Test func onesByHand() throws {
        let x = try Tensor.ones([1, 3, 3, 1])
        let w = try Tensor.ones([3, 3, 1, 1])
        let counts: [Float] = [4, 6, 4, 6, 9, 6, 4, 6, 4]
        let z = try Conv2D.forward(x, weights: w, bias: nil, stride: 1, padding: 1)
        #expect(z.storage == counts)
        let g = try Conv2D.backward(try Tensor.ones([1, 3, 3, 1]), input: x, weights: w, stride: 1, padding: 1)
        #expect(g.dA.storage == counts)
        #expect(g.dW.storage == counts)
        #expect(g.db.storage == [9])
    }
}
