#if canImport(Glibc)
import Glibc  // libm: exp, log, tanh, pow
#elseif canImport(Darwin)
import Darwin  // libm: exp, log, tanh, pow
#endif

/// Updates parameter tensors in place from their gradients, one step per mini-batch.
///
/// `parameters[i]` pairs with `gradients[i]`. Optimizers that keep per-parameter state
/// (velocity, moment estimates) size it on the first step and from then on expect the same
/// list of shapes.
public protocol Optimizer {
    /// Applies one update.
    /// - Throws: `shapeMismatch` if the two lists differ in length, a gradient's shape differs
    ///   from its parameter's, or the list of parameter sizes differs from earlier steps'.
    mutating func step(parameters: inout [Tensor], gradients: [Tensor]) throws(TensorError)
}

extension Optimizer {
    /// Checks the pairing of parameters and gradients, and of both with existing `state`
    /// (empty before the first step).
    func validate(_ parameters: [Tensor], _ gradients: [Tensor], state: [[Float]]) throws(TensorError) {
        guard parameters.count == gradients.count else {
            throw .shapeMismatch(operation: "\(Self.self) step", lhs: [parameters.count], rhs: [gradients.count])
        }
        // Index loops, not zip: this runs every training step, which must not allocate.
        for t in parameters.indices where parameters[t].shape != gradients[t].shape {
            throw .shapeMismatch(operation: "\(Self.self) step", lhs: parameters[t].shape, rhs: gradients[t].shape)
        }
        if state.isEmpty { return }
        guard state.count == parameters.count else {
            throw .shapeMismatch(operation: "\(Self.self) step", lhs: [state.count], rhs: [parameters.count])
        }
        for t in parameters.indices where state[t].count != parameters[t].count {
            throw .shapeMismatch(operation: "\(Self.self) step", lhs: [state[t].count], rhs: parameters[t].shape)
        }
    }
}

/// Zero state, one buffer per parameter tensor.
private func zeroState(like parameters: [Tensor]) -> [[Float]] {
    parameters.map { [Float](repeating: 0, count: $0.count) }
}

/// Stochastic gradient descent with classical momentum and L2 weight decay (ConvNetJS's "sgd"):
/// `v ← μ·v − η·(g + λ·w)`, `w ← w + v`. With `momentum = 0` this is plain `w ← w − η·(g + λ·w)`.
public struct SGD: Optimizer, Sendable {
    /// η, the step size.
    public var learningRate: Float
    /// μ, the fraction of the previous step kept (0 = no momentum; 0.9 is usual).
    public var momentum: Float
    /// λ, the L2 penalty coefficient added to the gradient as `λ·w`.
    public var weightDecay: Float
    private var velocity: [[Float]] = []

    /// Plain SGD unless `momentum` or `weightDecay` is given.
    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// One update of every parameter tensor (state is created on the first call).
    public mutating func step(parameters: inout [Tensor], gradients: [Tensor]) throws(TensorError) {
        try validate(parameters, gradients, state: velocity)
        if velocity.isEmpty { velocity = zeroState(like: parameters) }
        let (lr, mu, wd) = (learningRate, momentum, weightDecay)
        for t in parameters.indices {
            gradients[t].storage.withUnsafeBufferPointer { g in
                parameters[t].storage.withUnsafeMutableBufferPointer { w in
                    velocity[t].withUnsafeMutableBufferPointer { v in
                        for i in w.indices {
                            v[i] = mu * v[i] - lr * (g[i] + wd * w[i])
                            w[i] += v[i]
                        }
                    }
                }
            }
        }
    }
}

/// Adam (Kingma & Ba, 2015) with bias-corrected moments and optional L2 weight decay added to
/// the gradient: `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`,
/// `w ← w − η · (m / (1−β₁ᵗ)) / (sqrt(v / (1−β₂ᵗ)) + ε)`.
public struct Adam: Optimizer, Sendable {
    /// η, the step size.
    public var learningRate: Float
    /// β₁, decay of the first-moment (mean) estimate.
    public var beta1: Float
    /// β₂, decay of the second-moment (uncentred variance) estimate.
    public var beta2: Float
    /// ε, added to the denominator so a zero gradient history cannot divide by zero.
    public var epsilon: Float
    /// λ, the L2 penalty coefficient added to the gradient as `λ·w`.
    public var weightDecay: Float
    /// Steps taken so far (`t` in the bias corrections).
    public private(set) var stepCount = 0
    private var firstMoment: [[Float]] = []
    private var secondMoment: [[Float]] = []

    /// Defaults are the paper's.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// One update of every parameter tensor (state is created on the first call).
    public mutating func step(parameters: inout [Tensor], gradients: [Tensor]) throws(TensorError) {
        try validate(parameters, gradients, state: firstMoment)
        if firstMoment.isEmpty {
            firstMoment = zeroState(like: parameters)
            secondMoment = zeroState(like: parameters)
        }
        stepCount += 1
        let (b1, b2, eps, lr, wd) = (beta1, beta2, epsilon, learningRate, weightDecay)
        let correction1 = 1 - Float(pow(Double(b1), Double(stepCount)))
        let correction2 = 1 - Float(pow(Double(b2), Double(stepCount)))
        for t in parameters.indices {
            gradients[t].storage.withUnsafeBufferPointer { g in
                parameters[t].storage.withUnsafeMutableBufferPointer { w in
                    firstMoment[t].withUnsafeMutableBufferPointer { m in
                        secondMoment[t].withUnsafeMutableBufferPointer { v in
                            for i in w.indices {
                                let gi = g[i] + wd * w[i]
                                m[i] = b1 * m[i] + (1 - b1) * gi
                                v[i] = b2 * v[i] + (1 - b2) * gi * gi
                                w[i] -= lr * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Adadelta (Zeiler, 2012), as in ConvNetJS's trainer (the CIFAR-10 demo's choice): no learning
/// rate; each weight's step is scaled by the ratio of running RMS of past steps to running RMS
/// of gradients. `E[g²] ← ρE[g²] + (1−ρ)g²`, `Δ = −sqrt((E[Δ²] + ε)/(E[g²] + ε))·g`,
/// `E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²`, `w ← w + Δ`, with `g` including L2 decay `λ·w`.
public struct Adadelta: Optimizer, Sendable {
    /// ρ, decay of both running averages.
    public var rho: Float
    /// ε, keeps the first steps non-zero and the ratio finite.
    public var epsilon: Float
    /// λ, the L2 penalty coefficient added to the gradient as `λ·w`.
    public var weightDecay: Float
    private var gradientSquares: [[Float]] = []
    private var stepSquares: [[Float]] = []

    /// Defaults are ConvNetJS's (`ro = 0.95`, `eps = 1e-6`); its demo also sets `l2_decay = 0.0001`.
    public init(rho: Float = 0.95, epsilon: Float = 1e-6, weightDecay: Float = 0) {
        self.rho = rho
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// One update of every parameter tensor (state is created on the first call).
    public mutating func step(parameters: inout [Tensor], gradients: [Tensor]) throws(TensorError) {
        try validate(parameters, gradients, state: gradientSquares)
        if gradientSquares.isEmpty {
            gradientSquares = zeroState(like: parameters)
            stepSquares = zeroState(like: parameters)
        }
        let (rho, eps, wd) = (rho, epsilon, weightDecay)
        for t in parameters.indices {
            gradients[t].storage.withUnsafeBufferPointer { g in
                parameters[t].storage.withUnsafeMutableBufferPointer { w in
                    gradientSquares[t].withUnsafeMutableBufferPointer { gs in
                        stepSquares[t].withUnsafeMutableBufferPointer { xs in
                            for i in w.indices {
                                let gi = g[i] + wd * w[i]
                                gs[i] = rho * gs[i] + (1 - rho) * gi * gi
                                let dx = -((xs[i] + eps) / (gs[i] + eps)).squareRoot() * gi
                                xs[i] = rho * xs[i] + (1 - rho) * dx * dx
                                w[i] += dx
                            }
                        }
                    }
                }
            }
        }
    }
}
