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
        let (m, nIn, nOut) = try dimensions(x, weights, operation: "dense forward")
        if let bias {
            guard bias.shape == [1, nOut] || bias.shape == [nOut] else {
                throw .shapeMismatch(operation: "dense forward", lhs: bias.shape, rhs: [1, nOut])
            }
        }
        var y = [Float](repeating: 0, count: m &* nOut)
        let b = bias?.storage
        x.storage.withUnsafeBufferPointer { x in
            weights.storage.withUnsafeBufferPointer { w in
                y.withUnsafeMutableBufferPointer { y in
                    for i in 0..<m {
                        let row = i &* nOut
                        if let b {
                            for j in 0..<nOut { y[row &+ j] = b[j] }
                        }
                        for k in 0..<nIn {
                            let a = x[i &* nIn &+ k]
                            let wRow = k &* nOut
                            for j in 0..<nOut { y[row &+ j] += a * w[wRow &+ j] }
                        }
                    }
                }
            }
        }
        return Tensor(validShape: [m, nOut], storage: y)
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
        let (m, nIn, nOut) = try dimensions(x, weights, operation: "dense backward")
        guard dY.shape == [m, nOut] else {
            throw .shapeMismatch(operation: "dense backward", lhs: dY.shape, rhs: [m, nOut])
        }
        var dX = [Float](repeating: 0, count: m &* nIn)
        var dW = [Float](repeating: 0, count: nIn &* nOut)
        var db = [Float](repeating: 0, count: nOut)
        // Wᵀ once, so every inner loop below is a contiguous multiply-add the compiler vectorises.
        var wT = [Float](repeating: 0, count: nIn &* nOut)
        weights.storage.withUnsafeBufferPointer { w in
            wT.withUnsafeMutableBufferPointer { wT in
                for k in 0..<nIn {
                    for j in 0..<nOut { wT[j &* nIn &+ k] = w[k &* nOut &+ j] }
                }
            }
        }
        x.storage.withUnsafeBufferPointer { x in
            wT.withUnsafeBufferPointer { wT in
                dY.storage.withUnsafeBufferPointer { g in
                    dX.withUnsafeMutableBufferPointer { dX in
                        dW.withUnsafeMutableBufferPointer { dW in
                            db.withUnsafeMutableBufferPointer { db in
                                for i in 0..<m {
                                    let gRow = i &* nOut, xRow = i &* nIn
                                    for j in 0..<nOut {
                                        let gij = g[gRow &+ j]
                                        db[j] += gij
                                        let wRow = j &* nIn
                                        for k in 0..<nIn { dX[xRow &+ k] += gij * wT[wRow &+ k] }
                                    }
                                    for k in 0..<nIn {
                                        let a = x[xRow &+ k]
                                        let dwRow = k &* nOut
                                        for j in 0..<nOut { dW[dwRow &+ j] += a * g[gRow &+ j] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Gradients(dX: Tensor(validShape: [m, nIn], storage: dX),
                         dW: Tensor(validShape: [nIn, nOut], storage: dW),
                         db: Tensor(validShape: [1, nOut], storage: db))
    }

    /// `(m, nIn, nOut)` after checking ranks and the shared inner dimension.
    private static func dimensions(_ x: Tensor, _ w: Tensor, operation: String) throws(TensorError) -> (Int, Int, Int) {
        guard x.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(m, n_in)", got: x.shape) }
        guard w.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(n_in, n_out)", got: w.shape) }
        guard x.shape[1] == w.shape[0] else { throw .shapeMismatch(operation: operation, lhs: x.shape, rhs: w.shape) }
        return (x.shape[0], x.shape[1], w.shape[1])
    }
}
