import ConvCore
#if canImport(Glibc)
import Glibc  // libm: exp, log
#elseif canImport(Darwin)
import Darwin  // libm: exp, log
#endif

/// The functions for putting a network together with its cost J: element-wise `log` and
/// `exp`, whole-tensor `sum` and `mean`, and `cross_entropy(Yhat, Y)`.
///
/// Each element is computed in Double and rounded once to Float32; reductions accumulate in
/// Double, which agrees with numpy's float64 pairwise sum to Float32 precision. Like numpy,
/// `log(0)` is −inf, `log` of a negative number is NaN and a large `exp` is inf: these are
/// values, not errors.
extension Session {
    /// `log(X)` or `exp(X)`, element by element (natural logarithm, like `np.log`).
    func logarithmOrExponential(_ x: Tensor, logarithm: Bool) -> Tensor {
        logarithm ? x.map { Float(log(Double($0))) } : x.map { Float(exp(Double($0))) }
    }

    /// `sum(X)` or `mean(X)` over every element: a number (a rank-0 tensor).
    func reduction(_ x: Tensor, mean: Bool) -> Tensor {
        let total = Self.doubleSum(x.storage)
        return Tensor(scalar: Float(mean ? total / Double(x.count) : total))
    }

    /// `cross_entropy(Yhat, Y)`: J = −(1/m) Σ_i Σ_k Y[i,k]·log(Yhat[i,k]), the lecture's cost for
    /// Yhat (softmax outputs) and Y (one-hot labels), both m×classes; a vector is one example.
    /// Numerically `-np.sum(Y * np.log(Yhat)) / m`, so Yhat = 0 where Y = 0 gives NaN as in numpy.
    func crossEntropy(_ a: CallArguments) throws(Diagnostic) -> Tensor {
        let op = a.function
        let yhat = try argumentTensor(a, "Yhat")
        let y = try argumentTensor(a, "Y")
        guard yhat.rank == 1 || yhat.rank == 2 else {
            throw Diagnostic(
                .tensor(operation: op, .rankMismatch(operation: op, expected: "m×classes (or one vector of classes)", got: yhat.shape)),
                at: argumentRange(a, "Yhat"))
        }
        guard y.shape == yhat.shape else {
            throw Diagnostic(.tensor(operation: op, .shapeMismatch(operation: op, lhs: yhat.shape, rhs: y.shape)), at: argumentRange(a, "Y"))
        }
        let m = yhat.rank == 2 ? yhat.shape[0] : 1
        var total = 0.0
        for i in 0..<y.count { total += Double(y.storage[i]) * log(Double(yhat.storage[i])) }
        return Tensor(scalar: Float(-total / Double(m)))
    }

    /// The sum of `values` in Double, in storage order.
    private static func doubleSum(_ values: [Float]) -> Double {
        var total = 0.0
        for v in values { total += Double(v) }
        return total
    }
}
