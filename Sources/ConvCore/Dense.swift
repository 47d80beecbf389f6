/// A fully connected layer: `Y = X·W + b`. It holds no state; weights are passed in, so the
/// engine owns parameters and optimizers update them.
///
/// Parameter count, as the lecture counts it: `(n_in + 1) · n_out` — one bias per output unit.
public enum Dense {
    /// `x (m, nIn) · weights (nIn, nOut) + bias` → `(m, nOut)`. `bias` may be `(1, nOut)`,
    /// `(nOut)` or `nil` (no bias).
    /// - Throws: `rankMismatch` unless `x` and `weights` have rank 2; `shapeMismatch` if the
    ///   inner dimensions or the bias length disagree.
    public static func forward(_ x: Tensor, weights: Tensor, bias: Tensor?) throws(TensorError) -> Tensor {
        _ = try dimensions(x, weights, operation: "dense forward")
        var y = Tensor.placeholder
        try forward(x, weights: weights, bias: bias, into: &y)
        return y
    }

    /// `forward` writing into `y` (its storage reused when it already is `(m, nOut)`), for a
    /// batch-first `x` of any rank ≥ 2: it is read as `(m, count / m)`, so a batch of volumes is
    /// flattened implicitly (the lecture's fc after a conv layer), without a copy.
    /// - Throws: as `forward`, with the flattened size as `n_in`; `y` is unchanged then.
    public static func forward(_ x: Tensor, weights: Tensor, bias: Tensor?, into y: inout Tensor) throws(TensorError) {
        let (m, nIn, nOut) = try flattenedDimensions(x, weights, operation: "dense forward")
        if let bias {
            guard bias.count == nOut, bias.rank == 1 || bias.hasShape(1, nOut) else {
                throw .shapeMismatch(operation: "dense forward", lhs: bias.shape, rhs: [1, nOut])
            }
        }
        y.prepare(m, nOut, zeroed: false)
        x.storage.withUnsafeBufferPointer { x in
            weights.storage.withUnsafeBufferPointer { w in
                y.storage.withUnsafeMutableBufferPointer { y in
                    guard let xp = x.baseAddress, let wp = w.baseAddress, let yp = y.baseAddress else { return }
                    withOptionalBuffer(bias?.storage) { b in
                        guard let b else { return }
                        for i in 0..<m {
                            let row = UnsafeMutableBufferPointer(rebasing: y[(i &* nOut)..<(i &* nOut &+ nOut)])
                            _ = row.update(fromContentsOf: b)
                        }
                    }
                    GEMM.multiply(
                        m: m, n: nOut, k: nIn, a: .rowMajor(xp, ld: nIn), b: .rowMajor(wp, ld: nOut),
                        c: yp, ldc: nOut, accumulate: bias != nil)
                }
            }
        }
    }

    /// The three gradients of a fully connected layer.
    public struct Gradients: Sendable, Equatable {
        /// `dY · Wᵀ`, shaped like the input `(m, nIn)`.
        public var dX: Tensor
        /// `Xᵀ · dY`, shaped like the weights `(nIn, nOut)`.
        public var dW: Tensor
        /// `dY` summed over the batch, `(1, nOut)`.
        public var db: Tensor

        /// Bundles the three gradients (for callers that build or combine them).
        public init(dX: Tensor, dW: Tensor, db: Tensor) {
            self.dX = dX
            self.dW = dW
            self.db = db
        }
    }

    /// Back-propagates `dY (m, nOut)` through the layer whose input was `x` and weights `weights`.
    /// Gradients are sums over the batch (divide in the loss, as `Softmax.crossEntropy` does).
    /// - Throws: as `forward`, and `shapeMismatch` if `dY` is not `(m, nOut)`.
    public static func backward(_ dY: Tensor, input x: Tensor, weights: Tensor) throws(TensorError) -> Gradients {
        _ = try dimensions(x, weights, operation: "dense backward")
        var g = Gradients(dX: .placeholder, dW: .placeholder, db: .placeholder)
        try backward(dY, input: x, weights: weights, dX: &g.dX, dW: &g.dW, db: &g.db)
        return g
    }

    /// `backward` writing into `dX` (shaped like `x`, of any rank ≥ 2 as in the `into:` forward),
    /// `dW` and `db`, their storage reused when they already have those shapes.
    /// - Throws: as `backward`; the outputs are unchanged then.
    public static func backward(
        _ dY: Tensor, input x: Tensor, weights: Tensor, dX: inout Tensor, dW: inout Tensor, db: inout Tensor
    ) throws(TensorError) {
        let (m, nIn, nOut) = try flattenedDimensions(x, weights, operation: "dense backward")
        guard dY.hasShape(m, nOut) else {
            throw .shapeMismatch(operation: "dense backward", lhs: dY.shape, rhs: [m, nOut])
        }
        dX.prepare(like: x, zeroed: false)
        dW.prepare(nIn, nOut, zeroed: false)
        db.prepare(1, nOut, zeroed: false)
        x.storage.withUnsafeBufferPointer { x in
            weights.storage.withUnsafeBufferPointer { w in
                dY.storage.withUnsafeBufferPointer { g in
                    dX.storage.withUnsafeMutableBufferPointer { dX in
                        dW.storage.withUnsafeMutableBufferPointer { dW in
                            db.storage.withUnsafeMutableBufferPointer { db in
                                guard let xp = x.baseAddress, let wp = w.baseAddress, let gp = g.baseAddress,
                                      let dxp = dX.baseAddress, let dwp = dW.baseAddress else { return }
                                // dX = dY · Wᵀ and dW = Xᵀ · dY: the packers read the transposes in place.
                                GEMM.multiply(
                                    m: m, n: nIn, k: nOut, a: .rowMajor(gp, ld: nOut), b: MatrixView.rowMajor(wp, ld: nOut).transposed,
                                    c: dxp, ldc: nIn, accumulate: false)
                                GEMM.multiply(
                                    m: nIn, n: nOut, k: m, a: MatrixView.rowMajor(xp, ld: nIn).transposed, b: .rowMajor(gp, ld: nOut),
                                    c: dwp, ldc: nOut, accumulate: false)
                                db.update(repeating: 0)
                                for i in 0..<m {
                                    for j in 0..<nOut { db[j] += g[i &* nOut &+ j] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `(m, nIn, nOut)` after checking ranks and the shared inner dimension.
    private static func dimensions(_ x: Tensor, _ w: Tensor, operation: String) throws(TensorError) -> (Int, Int, Int) {
        guard x.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(m, n_in)", got: x.shape) }
        guard w.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(n_in, n_out)", got: w.shape) }
        guard x.shape[1] == w.shape[0] else { throw .shapeMismatch(operation: operation, lhs: x.shape, rhs: w.shape) }
        return (x.shape[0], x.shape[1], w.shape[1])
    }

    /// `(m, n_in, n_out)` for a batch-first `x` of rank ≥ 2 read as `(m, count / m)`.
    private static func flattenedDimensions(_ x: Tensor, _ w: Tensor, operation: String) throws(TensorError) -> (Int, Int, Int) {
        guard x.rank >= 2 else { throw .rankMismatch(operation: operation, expected: "(m, n_in)", got: x.shape) }
        guard w.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(n_in, n_out)", got: w.shape) }
        let m = x.shape[0]
        guard x.count / m == w.shape[0] else { throw .shapeMismatch(operation: operation, lhs: x.shape, rhs: w.shape) }
        return (m, w.shape[0], w.shape[1])
    }
}
