import ConvCore

/// A network with weights: runs a batch forward, keeping every layer's input and output,
/// and back-propagates the softmax cross-entropy loss to every weight.
///
/// Layer l's parameters are drawn from `seed` and l alone (He initialisation, zero biases),
/// so the same seed gives the same network in any session.
///
/// Every pass has two forms: one that returns new values (`forward(_:)`, `backward(_:labels:)`),
/// and one that writes into buffers the caller keeps (`forward(_:into:)`, `trainStep`), so a
/// training loop reuses the memory of the previous batch and does not allocate.
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
        public internal(set) var a: [Tensor]
        public internal(set) var z: [Tensor]

        /// No layers yet: `forward(_:into:)` sizes it.
        public init() {
            a = []
            z = []
        }

        /// Lets go of the batch `a[0]` (and `z[0]`) holds, so that whoever made it can refill its
        /// buffer in place (a data loader's next batch) instead of copying it.
        public mutating func releaseInput() {
            guard !a.isEmpty, !z.isEmpty else { return }
            a[0] = .placeholder
            z[0] = .placeholder
        }
    }

    /// ∂J/∂W and ∂J/∂b of every layer with parameters, laid out like the model's parameters.
    public struct Gradients: Sendable, Equatable {
        /// `[dW, db]` per layer with parameters, in layer order.
        var tensors: [Tensor]
        /// By layer index: the position of the layer's `dW` in `tensors`, or -1.
        let slots: [Int]

        /// The layers that have gradients, in order.
        public var layers: [Int] { slots.indices.filter { slots[$0] >= 0 } }

        /// Moves `dW` and `db` at `s0` out (placeholders stay behind), so both can be written in
        /// place at once; `takeBack` returns them.
        mutating func lend(_ s0: Int) -> (Tensor, Tensor) {
            var dW = Tensor.placeholder, db = Tensor.placeholder
            swap(&dW, &tensors[s0])
            swap(&db, &tensors[s0 + 1])
            return (dW, db)
        }

        mutating func takeBack(_ s0: Int, _ dW: inout Tensor, _ db: inout Tensor) {
            swap(&dW, &tensors[s0])
            swap(&db, &tensors[s0 + 1])
        }

        /// The gradients of layer `l`, or nil if it has no parameters.
        public subscript(layer l: Int) -> Parameters? {
            guard slots.indices.contains(l), slots[l] >= 0 else { return nil }
            return Parameters(weights: tensors[slots[l]], bias: tensors[slots[l] + 1])
        }
    }

    /// The buffers one training step writes, kept from step to step so the loop reuses them.
    public struct Workspace: Sendable {
        /// The last batch's activations.
        public internal(set) var pass = Pass()
        /// The last batch's gradients.
        public internal(set) var gradients: Gradients
        /// ∂J/∂a[l] for every layer (the softmax layer's holds ∂J/∂logits).
        var deltas: [Tensor] = []
    }

    public let reports: [LayerReport]
    /// The input's shape per example (`[39, 39, 3]`, `[400]`).
    public let inputShape: [Int]
    /// `[W, b]` per layer with parameters, in layer order (the list optimizers update).
    var tensors: [Tensor]
    /// By layer index: the position of the layer's weights in `tensors`, or -1.
    let slots: [Int]
    /// Threads the conv kernels may use.
    public var threads: Int

    /// Builds the model for `reports` (from `Session.analyze()`), drawing its weights.
    public init(reports: [LayerReport], seed: UInt64, threads: Int = 1) throws(TensorError) {
        var drawn: [Int: Parameters] = [:]
        for r in reports {
            guard let wShape = r.weightShape, let bShape = r.biasShape else { continue }
            var rng = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ UInt64(r.index))
            let fanIn = wShape.dropLast().reduce(1, *)
            let fanOut = wShape.count == 4 ? wShape[0] * wShape[1] * wShape[3] : wShape[1]
            drawn[r.index] = Parameters(
                weights: try Initializer.he.weights(shape: wShape, fanIn: fanIn, fanOut: fanOut, using: &rng),
                bias: try Tensor.zeros(bShape))
        }
        try self.init(reports: reports, parameters: drawn, threads: threads)
    }

    /// Builds the model for `reports` with the given weights (a loaded file's) by layer index.
    /// - Throws: `invalidParameter` if a layer with weights has none in `parameters`,
    ///   `shapeMismatch` if they are not shaped as its report says.
    public init(reports: [LayerReport], parameters: [Int: Parameters], threads: Int = 1) throws(TensorError) {
        self.reports = reports
        self.threads = max(1, threads)
        inputShape = reports.first?.output.dimensions ?? []
        var tensors: [Tensor] = []
        var slots = [Int](repeating: -1, count: reports.count)
        for r in reports {
            guard let wShape = r.weightShape, let bShape = r.biasShape else { continue }
            guard let p = parameters[r.index] else {
                throw .invalidParameter(operation: "model", name: "layer", value: r.index, reason: "has no weights")
            }
            guard p.weights.shape == wShape else { throw .shapeMismatch(operation: "model", lhs: p.weights.shape, rhs: wShape) }
            guard p.bias.shape == bShape else { throw .shapeMismatch(operation: "model", lhs: p.bias.shape, rhs: bShape) }
            slots[r.index] = tensors.count
            tensors.append(p.weights)
            tensors.append(p.bias)
        }
        self.tensors = tensors
        self.slots = slots
    }

    /// Parameters by layer index (conv, fc and softmax-with-units layers only).
    public var parameters: [Int: Parameters] {
        get {
            var result: [Int: Parameters] = [:]
            for (l, s) in slots.enumerated() where s >= 0 {
                result[l] = Parameters(weights: tensors[s], bias: tensors[s + 1])
            }
            return result
        }
        set {
            for (l, p) in newValue where slots.indices.contains(l) && slots[l] >= 0 {
                tensors[slots[l]] = p.weights
                tensors[slots[l] + 1] = p.bias
            }
        }
    }

    /// Buffers for `trainStep`, empty until the first step sizes them.
    public func makeWorkspace() -> Workspace {
        Workspace(gradients: Gradients(tensors: [], slots: slots))
    }

    /// Runs a batch `x` of shape m × inputShape through every layer.
    public func forward(_ x: Tensor) throws(TensorError) -> Pass {
        var pass = Pass()
        try forward(x, into: &pass)
        return pass
    }

    /// `forward`, writing every layer's values into `pass` (its tensors reused when they already
    /// have the right shapes). Stops after the current layer when an interruption is requested;
    /// `pass` then holds the layers computed so far.
    public func forward(_ x: Tensor, into pass: inout Pass) throws(TensorError) {
        guard x.rank == inputShape.count + 1 else {
            throw .shapeMismatch(operation: "forward", lhs: x.shape, rhs: [0] + inputShape)
        }
        for d in inputShape.indices where x.shape[d + 1] != inputShape[d] {
            throw .shapeMismatch(operation: "forward", lhs: x.shape, rhs: [0] + inputShape)
        }
        let count = reports.count
        guard count >= 1 else {
            throw .invalidParameter(operation: "forward", name: "layers", value: 0, reason: "the network has no input layer")
        }
        if pass.a.count != count {
            pass.a = Array(repeating: .placeholder, count: count)
            pass.z = Array(repeating: .placeholder, count: count)
        }
        pass.a[0] = x
        pass.z[0] = x
        // z[l] that share another layer's a[] are detached first, so that writing every a[l] in
        // place below never copies (the softmax layer's z is its own buffer, reused).
        for l in 1..<count {
            if case .softmax? = reports[l].spec { continue }
            pass.z[l] = .placeholder
        }
        for l in 1..<count {
            guard let spec = reports[l].spec, !Interruption.isRequested else {
                pass.a.removeSubrange(l...)
                pass.z.removeSubrange(l...)
                return
            }
            try layerForward(spec, l, &pass)
        }
    }

    /// Layer `l` from `pass.a[l − 1]`. Where z[l] is another layer's tensor it is shared, not copied.
    private func layerForward(_ spec: LayerSpec, _ l: Int, _ pass: inout Pass) throws(TensorError) {
        switch spec {
        case .conv(_, _, let s, _):
            let s0 = try slot(l)
            try Conv2D.forward(
                pass.a[l - 1], weights: tensors[s0], bias: tensors[s0 + 1], stride: s,
                padding: reports[l].padding ?? 0, threads: threads, into: &pass.a[l])
            pass.z[l] = pass.a[l]
        case .pool(let kind, let f, let s):
            try Pool2D.forward(pass.a[l - 1], kind: kind, size: f, stride: s, threads: threads, into: &pass.a[l])
            pass.z[l] = pass.a[l]
        case .activation(let act):
            act.forward(pass.a[l - 1], threads: threads, into: &pass.a[l])
            pass.z[l] = pass.a[l - 1]
        case .flatten:
            try Flatten.forward(pass.a[l - 1], into: &pass.a[l])
            pass.z[l] = pass.a[l]
        case .fc:
            let s0 = try slot(l)
            try Dense.forward(pass.a[l - 1], weights: tensors[s0], bias: tensors[s0 + 1], into: &pass.a[l])
            pass.z[l] = pass.a[l]
        case .softmax(let units):
            if units != nil {
                let s0 = try slot(l)
                try Dense.forward(pass.a[l - 1], weights: tensors[s0], bias: tensors[s0 + 1], into: &pass.z[l])
            } else {
                try Flatten.forward(pass.a[l - 1], into: &pass.z[l])
            }
            try Softmax.forward(pass.z[l], into: &pass.a[l])
        }
    }

    /// The mean cross-entropy of `pass` against `labels` and its gradient for every parameter.
    /// - Throws: `invalidParameter` unless the last layer is `softmax`.
    public func backward(_ pass: Pass, labels: [Int]) throws(TensorError) -> (loss: Float, gradients: Gradients) {
        var workspace = makeWorkspace()
        let loss = try backward(pass, labels: labels, into: &workspace)
        return (loss, workspace.gradients)
    }

    /// `backward`, writing the gradients (and every layer's ∂J/∂a) into `workspace`. ∂J/∂a[0],
    /// the input's gradient, is left out when layer 1 is a conv (nothing needs it there).
    func backward(_ pass: Pass, labels: [Int], into w: inout Workspace) throws(TensorError) -> Float {
        let last = reports.count - 1
        guard last >= 1, case .softmax? = reports[last].spec, pass.z.count == reports.count else {
            throw .invalidParameter(operation: "train", name: "last layer", value: last, reason: "training needs a softmax output layer")
        }
        if w.deltas.count != reports.count { w.deltas = Array(repeating: .placeholder, count: reports.count) }
        if w.gradients.tensors.count != tensors.count { w.gradients.tensors = Array(repeating: .placeholder, count: tensors.count) }
        // For the softmax layer the delta is ∂J/∂logits (the combined softmax + cross-entropy gradient).
        let loss = try Softmax.crossEntropy(logits: pass.z[last], labels: labels, gradient: &w.deltas[last])
        for l in stride(from: last, to: 0, by: -1) {
            guard let spec = reports[l].spec else { continue }
            try layerBackward(spec, l, pass, &w.deltas, &w.gradients)
        }
        return loss
    }

    /// ∂J/∂a[l − 1] from ∂J/∂a[l], and the layer's parameter gradients.
    private func layerBackward(
        _ spec: LayerSpec, _ l: Int, _ pass: Pass, _ deltas: inout [Tensor], _ gradients: inout Gradients
    ) throws(TensorError) {
        let input = pass.a[l - 1]
        switch spec {
        case .conv(_, _, let s, _):
            let s0 = try slot(l)
            var (dW, db) = gradients.lend(s0)
            defer { gradients.takeBack(s0, &dW, &db) }
            if l == 1 {
                // The input needs no gradient: skip dA (about half of the layer's backward work).
                try Conv2D.parameterGradients(
                    deltas[l], input: input, weights: tensors[s0], stride: s, padding: reports[l].padding ?? 0,
                    threads: threads, dW: &dW, db: &db)
            } else {
                try Conv2D.backward(
                    deltas[l], input: input, weights: tensors[s0], stride: s, padding: reports[l].padding ?? 0,
                    threads: threads, dA: &deltas[l - 1], dW: &dW, db: &db)
            }
        case .pool(let kind, let f, let s):
            try Pool2D.backward(deltas[l], input: input, kind: kind, size: f, stride: s, threads: threads, into: &deltas[l - 1])
        case .activation(let act):
            try act.backward(deltas[l], input: pass.z[l], threads: threads, into: &deltas[l - 1])
        case .flatten:
            try Flatten.backward(deltas[l], like: input, into: &deltas[l - 1])
        case .fc, .softmax:
            if slots[l] >= 0 {
                let s0 = slots[l]
                var (dW, db) = gradients.lend(s0)
                defer { gradients.takeBack(s0, &dW, &db) }
                try Dense.backward(deltas[l], input: input, weights: tensors[s0], dX: &deltas[l - 1], dW: &dW, db: &db)
            } else {
                // Bare softmax: the combined softmax + cross-entropy gradient passes through.
                try Flatten.backward(deltas[l], like: input, into: &deltas[l - 1])
            }
        }
    }

    /// One optimiser step on every parameter from `gradients`.
    /// - Throws: `shapeMismatch` if `gradients` belong to another network.
    public mutating func update(with gradients: Gradients, optimizer: inout some Optimizer) throws(TensorError) {
        try optimizer.step(parameters: &tensors, gradients: gradients.tensors)
    }

    /// One training step on a batch: forward, backward and the optimiser update, with every
    /// buffer in `workspace` (sized on the first step). After the first batch of a given size
    /// nothing is allocated. Returns the batch's mean loss, or nil when a stop
    /// (``Interruption``, Ctrl-C) was requested during the step: the kernels it cut short left
    /// partial results, so no update is made and the weights stay those of the last whole step.
    public mutating func trainStep(
        _ x: Tensor, labels: [Int], optimizer: inout some Optimizer, workspace: inout Workspace
    ) throws(TensorError) -> Float? {
        try forward(x, into: &workspace.pass)
        guard !Interruption.isRequested else { return nil }
        let loss = try backward(workspace.pass, labels: labels, into: &workspace)
        guard !Interruption.isRequested else { return nil }
        try update(with: workspace.gradients, optimizer: &optimizer)
        return loss
    }

    private func slot(_ l: Int) throws(TensorError) -> Int {
        guard slots[l] >= 0 else {
            throw .invalidParameter(operation: "forward", name: "layer", value: l, reason: "has no weights")
        }
        return slots[l]
    }
}
