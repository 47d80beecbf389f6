#if canImport(Glibc)
import Glibc  // libm: exp, log, tanh, pow
#elseif canImport(Darwin)
import Darwin  // libm: exp, log, tanh, pow
#endif

/// The output layer of a classifier: softmax over `k` classes and the mean cross-entropy loss
/// `J = (1/m) Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)` from the lecture's "putting it together" section.
public enum Softmax {
    /// Row-wise softmax of `logits (m, k)`. Each row's maximum is subtracted before
    /// exponentiating, so logits like 1000 give exact probabilities instead of `inf/inf = NaN`.
    /// - Throws: `rankMismatch` unless `logits` has rank 2.
    public static func forward(_ logits: Tensor) throws(TensorError) -> Tensor {
        var p = Tensor.placeholder
        try forward(logits, into: &p)
        return p
    }

    /// `forward`, writing into `probabilities` (its storage reused when it already is `(m, k)`).
    /// - Throws: as `forward`; `probabilities` is unchanged then.
    public static func forward(_ logits: Tensor, into probabilities: inout Tensor) throws(TensorError) {
        let (m, k) = try dimensions(logits, operation: "softmax")
        probabilities.prepare(m, k, zeroed: false)
        logits.storage.withUnsafeBufferPointer { z in
            probabilities.storage.withUnsafeMutableBufferPointer { p in
                _ = p.update(fromContentsOf: z)
                for i in 0..<m {
                    let row = UnsafeMutableBufferPointer(rebasing: p[(i &* k)..<(i &* k &+ k)])
                    _ = exponentiateShifted(row)
                }
            }
        }
    }

    /// Mean cross-entropy `−(1/m) Σᵢ log softmax(zᵢ)[yᵢ]` and its gradient with respect to the
    /// logits, `(softmax(z) − onehot(y)) / m`. The loss uses the log-sum-exp form (accumulated in
    /// Double), so it stays finite even when a probability underflows to 0.
    /// - Throws: `rankMismatch` unless `logits` is `(m, k)`; `invalidParameter` if
    ///   `labels.count != m` or a label is outside `0..<k`.
    public static func crossEntropy(logits: Tensor, labels: [Int]) throws(TensorError) -> (loss: Float, dLogits: Tensor) {
        var gradient = Tensor.placeholder
        let loss = try crossEntropy(logits: logits, labels: labels, gradient: &gradient)
        return (loss, gradient)
    }

    /// `crossEntropy`, writing the gradient into `gradient` (its storage reused when it already
    /// is `(m, k)`) and returning the loss.
    /// - Throws: as `crossEntropy`; `gradient` is unchanged then.
    public static func crossEntropy(logits: Tensor, labels: [Int], gradient: inout Tensor) throws(TensorError) -> Float {
        let (m, k) = try dimensions(logits, operation: "cross-entropy")
        guard labels.count == m else {
            throw .invalidParameter(operation: "cross-entropy", name: "labels.count", value: labels.count,
                                    reason: "expected one label per row (\(m))")
        }
        for i in 0..<m where labels[i] < 0 || labels[i] >= k {
            throw .invalidParameter(operation: "cross-entropy", name: "label", value: labels[i],
                                    reason: "labels must be in 0..<\(k)")
        }
        gradient.prepare(m, k, zeroed: false)
        var total = 0.0
        let invM = 1 / Float(m)
        logits.storage.withUnsafeBufferPointer { z in
            gradient.storage.withUnsafeMutableBufferPointer { g in
                _ = g.update(fromContentsOf: z)
                for i in 0..<m {
                    let row = UnsafeMutableBufferPointer(rebasing: g[(i &* k)..<(i &* k &+ k)])
                    let y = labels[i]
                    let shiftedTarget = Double(row[y]) // overwritten below; read it first
                    let (maxLogit, sum) = exponentiateShifted(row)
                    // −log p_y = log Σ e^(z − max) − (z_y − max)
                    total += log(sum) - (shiftedTarget - Double(maxLogit))
                    for j in 0..<k { row[j] *= invM }
                    row[y] -= invM
                }
            }
        }
        return Float(total / Double(m))
    }

    /// Replaces `row` by its softmax; returns the row maximum and `Σ e^(z − max)` (in Double).
    private static func exponentiateShifted(_ row: UnsafeMutableBufferPointer<Float>) -> (max: Float, sum: Double) {
        var top = -Float.infinity
        for v in row where v > top { top = v }
        var sum = 0.0
        for j in row.indices {
            let e = exp(row[j] - top)
            row[j] = e
            sum += Double(e)
        }
        let inv = Float(1 / sum)
        for j in row.indices { row[j] *= inv }
        return (top, sum)
    }

    private static func dimensions(_ logits: Tensor, operation: String) throws(TensorError) -> (Int, Int) {
        guard logits.rank == 2 else { throw .rankMismatch(operation: operation, expected: "(m, k)", got: logits.shape) }
        return (logits.shape[0], logits.shape[1])
    }
}
