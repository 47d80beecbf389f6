import ConvCore

/// A network with weights: runs a batch forward, keeping every layer's input and output,
/// and back-propagates the softmax cross-entropy loss to every weight.
///
/// Layer l's parameters are drawn from `seed` and l alone (He initialisation, zero biases),
/// so the same seed gives the same network in any session.
public struct NetworkModel: Sendable {
    /// Weights and bias of one layer.
    public struct Parameters: Sendable, Equatable {
        public var weights: Tensor
        public var bias: Tensor
    }

    /// Every layer's values for one batch: a[0] (the input) … a[L], and z[l], the value before
    /// the layer's non-linearity (the linear output of conv/fc/softmax layers, the input of an
    /// activation layer, the output itself for the others). All have the batch dimension.
    public struct Pass: Sendable, Equatable {
        public var a: [Tensor]
        public var z: [Tensor]
    }

    public let reports: [LayerReport]
    /// Parameters by layer index (conv, fc and softmax-with-units layers only).
    public internal(set) var parameters: [Int: Parameters]
    /// Threads the conv kernels may use.
    public var threads: Int

    /// Builds the model for `reports` (from `Session.analyze()`), drawing its weights.
    public init(reports: [LayerReport], seed: UInt64, threads: Int = 1) throws(TensorError) {
        self.reports = reports
        self.threads = max(1, threads)
        var params: [Int: Parameters] = [:]
        for r in reports {
            guard let wShape = r.weightShape, let bShape = r.biasShape else { continue }
            var rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ UInt64(r.index))
            let fanIn = wShape.dropLast().reduce(1, *)
            let fanOut = wShape.count == 4 ? wShape[0] * wShape[1] * wShape[3] : wShape[1]
            params[r.index] = Parameters(
                weights: try Initializer.he.weights(shape: wShape, fanIn: fanIn, fanOut: fanOut, using: &rng),
                bias: try Tensor.zeros(bShape))
        }
        self.parameters = params
    }

    /// The input's shape per example (`[39, 39, 3]`, `[400]`).
    public var inputShape: [Int] { reports.first?.output.dimensions ?? [] }

    /// Runs a batch `x` of shape m × inputShape through every layer.
    public func forward(_ x: Tensor) throws(TensorError) -> Pass {
        guard x.rank == inputShape.count + 1, Array(x.shape.dropFirst()) == inputShape else {
            throw .shapeMismatch(operation: "forward", lhs: x.shape, rhs: [0] + inputShape)
        }
        var a = [x], z = [x]
        var current = x
        for r in reports.dropFirst() {
            guard let spec = r.spec, !Interruption.isRequested else { break }
            let (pre, post) = try layerForward(spec, r, current)
            z.append(pre)
            a.append(post)
            current = post
        }
        return Pass(a: a, z: z)
    }

    private func layerForward(_ spec: LayerSpec, _ r: LayerReport, _ x: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        switch spec {
        case .conv(_, _, let s, _):
            let p = try params(r)
            let out = try Conv2D.forward(x, weights: p.weights, bias: p.bias, stride: s, padding: r.padding ?? 0, threads: threads)
            return (out, out)
        case .pool(let kind, let f, let s):
            let out = try Pool2D.forward(x, kind: kind, size: f, stride: s)
            return (out, out)
        case .activation(let act):
            return (x, act.forward(x))
        case .flatten:
            let out = try Flatten.forward(x)
            return (out, out)
        case .fc:
            let p = try params(r)
            let out = try Dense.forward(try Flatten.forward(x), weights: p.weights, bias: p.bias)
            return (out, out)
        case .softmax(let units):
            var logits = try Flatten.forward(x)
            if units != nil {
                let p = try params(r)
                logits = try Dense.forward(logits, weights: p.weights, bias: p.bias)
            }
            return (logits, try Softmax.forward(logits))
        }
    }

    /// The mean cross-entropy of `pass` against `labels` and its gradient for every parameter.
    /// - Throws: `invalidParameter` unless the last layer is `softmax`.
    public func backward(_ pass: Pass, labels: [Int]) throws(TensorError) -> (loss: Float, gradients: [Int: Parameters]) {
        guard let last = reports.last, case .softmax? = last.spec, let logits = pass.z.last else {
            throw .invalidParameter(operation: "train", name: "last layer", value: reports.count - 1, reason: "training needs a softmax output layer")
        }
        let (loss, dLogits) = try Softmax.crossEntropy(logits: logits, labels: labels)
        var gradients: [Int: Parameters] = [:]
        var upstream = dLogits  // gradient w.r.t. z[L] for the softmax layer, a[l] below it
        for r in reports.dropFirst().reversed() {
            guard let spec = r.spec else { continue }
            let l = r.index
            let input = pass.a[l - 1]
            switch spec {
            case .conv(_, _, let s, _):
                let p = try params(r)
                let g = try Conv2D.backward(upstream, input: input, weights: p.weights, stride: s, padding: r.padding ?? 0, threads: threads)
                gradients[l] = Parameters(weights: g.dW, bias: g.db)
                upstream = g.dA
            case .pool(let kind, let f, let s):
                upstream = try Pool2D.backward(upstream, input: input, kind: kind, size: f, stride: s)
            case .activation(let act):
                upstream = try act.backward(upstream, input: pass.z[l])
            case .flatten:
                upstream = try upstream.reshaped(input.shape)
            case .fc, .softmax:
                // For softmax N, `upstream` already is dL/dlogits (the cross-entropy gradient).
                if let p = parameters[l] {
                    let g = try Dense.backward(upstream, input: try Flatten.forward(input), weights: p.weights)
                    gradients[l] = Parameters(weights: g.dW, bias: g.db)
                    upstream = try g.dX.reshaped(input.shape)
                } else {
                    // Bare softmax: the combined softmax + cross-entropy gradient passes through.
                    upstream = try upstream.reshaped(input.shape)
                }
            }
        }
        return (loss, gradients)
    }

    /// One optimiser step on every parameter from `gradients`.
    public mutating func update(with gradients: [Int: Parameters], optimizer: inout some Optimizer) throws(TensorError) {
        let keys = parameters.keys.sorted()
        var flat: [Tensor] = []
        var grads: [Tensor] = []
        for k in keys {
            guard let p = parameters[k], let g = gradients[k] else { continue }
            flat += [p.weights, p.bias]
            grads += [g.weights, g.bias]
        }
        try optimizer.step(parameters: &flat, gradients: grads)
        var i = 0
        for k in keys where gradients[k] != nil {
            parameters[k] = Parameters(weights: flat[i], bias: flat[i + 1])
            i += 2
        }
    }

    private func params(_ r: LayerReport) throws(TensorError) -> Parameters {
        guard let p = parameters[r.index] else {
            throw .invalidParameter(operation: "forward", name: "layer", value: r.index, reason: "has no weights")
        }
        return p
    }
}
