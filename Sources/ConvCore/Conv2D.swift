/// The convolutional layer of the lecture: NHWC activations, `f × f × n_c_prev × n_c` weights,
/// zero padding `p` on all four sides, stride `s`, cross-correlation (no kernel flip).
///
/// Results equal the course assignment's numpy `conv_forward` / `conv_backward` up to float
/// rounding. Both passes run as matrix multiplies over the receptive fields (im2col + a packed
/// SIMD GEMM), with the batch split over `threads` threads. Every bad operand throws a
/// `TensorError`; nothing traps.
public enum Conv2D {
    /// Output extent along one axis: `floor((n + 2p − f)/s) + 1`, or nil if `f > n + 2p`,
    /// `s < 1`, `p < 0`, `f < 1`, `n < 1` (or the arithmetic overflows).
    public static func outputSize(_ n: Int, filter f: Int, stride s: Int, padding p: Int) -> Int? {
        guard n >= 1, f >= 1, s >= 1, p >= 0 else { return nil }
        let (twoP, o1) = p.multipliedReportingOverflow(by: 2)
        let (padded, o2) = n.addingReportingOverflow(twoP)
        guard !o1, !o2, f <= padded else { return nil }
        return (padded - f) / s + 1
    }

    /// The convolution `Z = W ∗ x + b`.
    ///
    /// - Parameters:
    ///   - x: `(m, n_H, n_W, n_c_prev)`.
    ///   - weights: `(f, f, n_c_prev, n_c)`.
    ///   - bias: `(1, 1, 1, n_c)`, `(n_c)`, or nil for none.
    ///   - threads: how many threads share the batch (at least 1).
    /// - Returns: `(m, n_H', n_W', n_c)` with `n' = floor((n + 2p − f)/s) + 1`.
    /// - Throws: `TensorError` for a wrong rank, channel mismatch, non-square filter, stride < 1,
    ///   padding < 0, a filter larger than the padded input, a bias of the wrong size, threads < 1.
    public static func forward(
        _ x: Tensor, weights: Tensor, bias: Tensor?, stride: Int, padding: Int, threads: Int = 1
    ) throws(TensorError) -> Tensor {
        var z = Tensor.placeholder
        try forward(x, weights: weights, bias: bias, stride: stride, padding: padding, threads: threads, into: &z)
        return z
    }

    /// `forward`, writing `Z` into `z` (reshaped if needed, its storage reused when it already
    /// has the output's shape): a training loop that calls it every batch does not allocate.
    /// - Throws: as `forward`; `z` is unchanged then.
    public static func forward(
        _ x: Tensor, weights: Tensor, bias: Tensor?, stride: Int, padding: Int, threads: Int = 1,
        into z: inout Tensor
    ) throws(TensorError) {
        let (m, g) = try validate(x, weights: weights, stride: stride, padding: padding, threads: threads)
        if let bias {
            let n = g.outChannels
            guard bias.count == n, bias.rank == 1 || bias.hasShape(1, 1, 1, n) else {
                throw .shapeMismatch(operation: "conv2d bias (expected (1, 1, 1, n_c))", lhs: bias.shape, rhs: [1, 1, 1, n])
            }
        }
        guard let count = Tensor.elementCount(m, g.outHeight, g.outWidth, g.outChannels), count <= Tensor.maxElementCount else {
            throw .tooLarge(shape: [m, g.outHeight, g.outWidth, g.outChannels], limit: Tensor.maxElementCount)
        }
        z.prepare(m, g.outHeight, g.outWidth, g.outChannels, zeroed: false)
        x.storage.withUnsafeBufferPointer { xs in
            weights.storage.withUnsafeBufferPointer { ws in
                z.storage.withUnsafeMutableBufferPointer { out in
                    withOptionalBuffer(bias?.storage) { bs in
                        ConvForwardKernel(geometry: g).run(batch: m, x: xs, weights: ws, bias: bs, z: out, threads: threads)
                    }
                }
            }
        }
    }

    /// The gradients of a convolution, shaped like its operands.
    public struct Gradients: Sendable, Equatable {
        /// ∂L/∂x, `(m, n_H, n_W, n_c_prev)`.
        public var dA: Tensor
        /// ∂L/∂W, `(f, f, n_c_prev, n_c)`.
        public var dW: Tensor
        /// ∂L/∂b, `(1, 1, 1, n_c)`: `dZ` summed over the batch and every position.
        public var db: Tensor

        public init(dA: Tensor, dW: Tensor, db: Tensor) {
            self.dA = dA
            self.dW = dW
            self.db = db
        }
    }

    /// Back-propagates `dZ = ∂L/∂Z` through the convolution that produced `Z` from `x`.
    ///
    /// `dW = colᵀ · dZ` and `dA = col2im(dZ · Wᵀ)`, where `col` holds the receptive fields of `x`;
    /// `db` sums `dZ` over `m`, `n_H'`, `n_W'`. The bias does not enter the gradients, so it is not
    /// an argument.
    /// - Parameters:
    ///   - dZ: `(m, n_H', n_W', n_c)`, the shape `forward` returns for these operands.
    ///   - x, weights, stride, padding: as given to `forward`.
    /// - Throws: `TensorError` for the operand errors of `forward`, or a `dZ` of the wrong shape.
    public static func backward(
        _ dZ: Tensor, input x: Tensor, weights: Tensor, stride: Int, padding: Int, threads: Int = 1
    ) throws(TensorError) -> Gradients {
        var g = Gradients(dA: .placeholder, dW: .placeholder, db: .placeholder)
        try backward(
            dZ, input: x, weights: weights, stride: stride, padding: padding, threads: threads,
            dA: &g.dA, dW: &g.dW, db: &g.db)
        return g
    }

    /// `backward`, writing the three gradients into `dA`, `dW` and `db` (reshaped if needed, their
    /// storage reused when they already have the right shapes), so a training loop does not allocate.
    /// - Throws: as `backward`; the outputs are unchanged then.
    public static func backward(
        _ dZ: Tensor, input x: Tensor, weights: Tensor, stride: Int, padding: Int, threads: Int = 1,
        dA: inout Tensor, dW: inout Tensor, db: inout Tensor
    ) throws(TensorError) {
        // Lend dA's storage to the optional form (a swap: copying would share the storage).
        var lent: Tensor? = Tensor.placeholder
        swap(&lent!, &dA)
        defer { swap(&lent!, &dA) }
        try backward(dZ, input: x, weights: weights, stride: stride, padding: padding, threads: threads, dA: &lent, dW: &dW, db: &db)
    }

    /// The weight and bias gradients of `backward` without `dA`: for a network's first layer,
    /// whose input needs no gradient, this skips about half of the work. Writes into `dW` and `db`
    /// (their storage reused when they already have the right shapes).
    /// - Throws: as `backward`; the outputs are unchanged then.
    public static func parameterGradients(
        _ dZ: Tensor, input x: Tensor, weights: Tensor, stride: Int, padding: Int, threads: Int = 1,
        dW: inout Tensor, db: inout Tensor
    ) throws(TensorError) {
        var noInputGradient: Tensor?
        try backward(dZ, input: x, weights: weights, stride: stride, padding: padding, threads: threads, dA: &noInputGradient, dW: &dW, db: &db)
    }

    /// `backward` into the given tensors, `dA` only when it is not nil.
    private static func backward(
        _ dZ: Tensor, input x: Tensor, weights: Tensor, stride: Int, padding: Int, threads: Int,
        dA: inout Tensor?, dW: inout Tensor, db: inout Tensor
    ) throws(TensorError) {
        let (m, g) = try validate(x, weights: weights, stride: stride, padding: padding, threads: threads)
        guard dZ.hasShape(m, g.outHeight, g.outWidth, g.outChannels) else {
            throw .shapeMismatch(
                operation: "conv2d backward (dZ must match the forward output)", lhs: dZ.shape,
                rhs: [m, g.outHeight, g.outWidth, g.outChannels])
        }
        dA?.prepare(like: x, zeroed: false)
        dW.prepare(like: weights, zeroed: false)
        db.prepare(1, 1, 1, g.outChannels, zeroed: false)
        let kernel = ConvBackwardKernel(geometry: g)
        func run(_ das: UnsafeMutableBufferPointer<Float>?) {
            dZ.storage.withUnsafeBufferPointer { dzs in
                x.storage.withUnsafeBufferPointer { xs in
                    weights.storage.withUnsafeBufferPointer { ws in
                        dW.storage.withUnsafeMutableBufferPointer { dws in
                            db.storage.withUnsafeMutableBufferPointer { dbs in
                                kernel.run(
                                    batch: m, dZ: dzs, x: xs, weights: ws, dA: das, dW: dws, db: dbs, threads: threads)
                            }
                        }
                    }
                }
            }
        }
        if dA != nil {
            dA!.storage.withUnsafeMutableBufferPointer { run($0) }
        } else {
            run(nil)
        }
    }

    /// Checks the operands shared by both passes and returns the batch size and geometry.
    private static func validate(
        _ x: Tensor, weights: Tensor, stride: Int, padding: Int, threads: Int
    ) throws(TensorError) -> (Int, ConvGeometry) {
        guard x.rank == 4 else {
            throw .rankMismatch(operation: "conv2d input", expected: "4 (m, n_H, n_W, n_c_prev)", got: x.shape)
        }
        guard weights.rank == 4 else {
            throw .rankMismatch(operation: "conv2d weights", expected: "4 (f, f, n_c_prev, n_c)", got: weights.shape)
        }
        let f = weights.shape[0]
        guard weights.shape[1] == f else {
            throw .invalidParameter(
                operation: "conv2d", name: "filter", value: weights.shape[1],
                reason: "the filter must be square (f × f), got \(f) × \(weights.shape[1])")
        }
        guard weights.shape[2] == x.shape[3] else {
            throw .shapeMismatch(operation: "conv2d (input channels n_c_prev)", lhs: x.shape, rhs: weights.shape)
        }
        guard stride >= 1 else {
            throw .invalidParameter(operation: "conv2d", name: "stride", value: stride, reason: "must be at least 1")
        }
        guard padding >= 0 else {
            throw .invalidParameter(operation: "conv2d", name: "padding", value: padding, reason: "must not be negative")
        }
        guard threads >= 1 else {
            throw .invalidParameter(operation: "conv2d", name: "threads", value: threads, reason: "must be at least 1")
        }
        guard let oh = outputSize(x.shape[1], filter: f, stride: stride, padding: padding),
              let ow = outputSize(x.shape[2], filter: f, stride: stride, padding: padding)
        else {
            throw .invalidParameter(
                operation: "conv2d", name: "filter", value: f,
                reason: "larger than the padded input \(x.shape[1]) × \(x.shape[2]) with padding \(padding)")
        }
        // A stride past the last window start gives one window per axis whatever it is, but the
        // kernels size their slack (mr·s·n_c floats) by it: s = 2⁵³ asked for exabytes. The
        // smallest stride with the same output is used instead (n + 2p fits: outputSize said so).
        let span = max(x.shape[1], x.shape[2]) + 2 * padding - f + 1
        let g = ConvGeometry(
            height: x.shape[1], width: x.shape[2], channels: x.shape[3], filter: f, stride: min(stride, span),
            padding: padding, outHeight: oh, outWidth: ow, outChannels: weights.shape[3])
        return (x.shape[0], g)
    }
}
