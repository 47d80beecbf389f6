/// Random starting weights whose scale keeps activations and gradients from shrinking or
/// exploding layer after layer.
///
/// For conv weights `(f, f, cIn, cOut)` pass `fanIn = f·f·cIn`, `fanOut = f·f·cOut`; for dense
/// weights `(nIn, nOut)` pass `fanIn = nIn`, `fanOut = nOut`. Biases start at zero.
public enum Initializer: String, Sendable, CaseIterable {
    /// He et al. (2015), for ReLU layers: normal with mean 0 and variance `2 / fanIn`.
    case he
    /// Glorot & Bengio (2010), for tanh/sigmoid layers: uniform on `±sqrt(6 / (fanIn + fanOut))`.
    case glorot

    /// A tensor of `shape` drawn from this scheme, consuming `rng` in storage order.
    /// - Throws: `invalidShape` for a bad shape; `invalidParameter` if a fan is < 1.
    public func weights(shape: [Int], fanIn: Int, fanOut: Int, using rng: inout SeededGenerator) throws(TensorError) -> Tensor {
        let count = try Tensor.checkedCount(shape)
        guard fanIn >= 1 else { throw .invalidParameter(operation: "\(rawValue) init", name: "fanIn", value: fanIn, reason: "must be at least 1") }
        guard fanOut >= 1 else { throw .invalidParameter(operation: "\(rawValue) init", name: "fanOut", value: fanOut, reason: "must be at least 1") }
        var values = [Float]()
        values.reserveCapacity(count)
        switch self {
        case .he:
            let std = Float((2.0 / Double(fanIn)).squareRoot())
            for _ in 0..<count { values.append(std * rng.nextGaussian()) }
        case .glorot:
            let limit = Float((6.0 / Double(fanIn + fanOut)).squareRoot())
            for _ in 0..<count { values.append(limit * (2 * rng.nextUniform() - 1)) }
        }
        return Tensor(validShape: shape, storage: values)
    }
}
