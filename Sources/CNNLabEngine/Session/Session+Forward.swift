import ConvCore

/// Weights and bias of one layer.
struct LayerParameters {
    var weights: Tensor
    var bias: Tensor
}

/// Every layer's output of the last `forward`: a[0] (the input) … a[L], and z[l], the value
/// before the layer's non-linearity (the linear output of conv/fc/softmax layers, the input
/// of an activation layer, the output itself for the others).
public struct ForwardActivations: Sendable, Equatable {
    public var a: [Tensor]
    public var z: [Tensor]
}

/// `forward X`: runs the network with seeded random weights (He initialisation).
extension Session {
    func forward(_ x: Tensor, at range: SourceRange) throws(Diagnostic) -> [ActivationRecord] {
        let reports = try analyze(at: range)
        guard let input = reports.first?.output else { throw Diagnostic(.noInput, at: range) }
        let expected = input.dimensions
        // One example (no batch dimension) or a batch m × input.
        let batched: Bool
        let squeezed = expected.count == 3 && expected[2] == 1 ? Array(expected.prefix(2)) : expected
        if x.shape == expected || x.shape == squeezed {
            batched = false
        } else if x.rank == expected.count + 1, Array(x.shape.dropFirst()) == expected {
            batched = true
        } else {
            throw Diagnostic(.forwardInputShape(expected: expected, got: x.shape), at: range)
        }
        let m = batched ? x.shape[0] : 1
        do {
            var current = try x.reshaped([m] + expected)
            var a = [current]
            var z = [current]
            for report in reports.dropFirst() {
                guard let spec = report.spec else { continue }
                let (pre, post) = try apply(spec, report: report, to: current)
                z.append(pre)
                a.append(post)
                current = post
            }
            let unbatch: (Tensor) throws(TensorError) -> Tensor = { t throws(TensorError) in
                batched ? t : try t.reshaped(Array(t.shape.dropFirst()))
            }
            var records: [ActivationRecord] = []
            var outA: [Tensor] = []
            var outZ: [Tensor] = []
            for (i, t) in a.enumerated() {
                let u = try unbatch(t)
                outA.append(u)
                outZ.append(try unbatch(z[i]))
                records.append(ActivationRecord(index: i, layer: reports[i].typeName, shape: u.shape, stats: TensorStats(u)))
            }
            activations = ForwardActivations(a: outA, z: outZ)
            return records
        } catch {
            throw Diagnostic(.tensor(operation: "forward", error), at: range)
        }
    }

    /// Runs one layer on a batch: (z, a).
    private func apply(_ spec: LayerSpec, report: LayerReport, to x: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        switch spec {
        case .conv(_, _, let s, _):
            let p = try layerParameters(report)
            let out = try Conv2D.forward(x, weights: p.weights, bias: p.bias, stride: s, padding: report.padding ?? 0, threads: threads)
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
            let p = try layerParameters(report)
            let out = try Dense.forward(try Flatten.forward(x), weights: p.weights, bias: p.bias)
            return (out, out)
        case .softmax(let units):
            var logits = try Flatten.forward(x)
            if units != nil {
                let p = try layerParameters(report)
                logits = try Dense.forward(logits, weights: p.weights, bias: p.bias)
            }
            return (logits, try Softmax.forward(logits))
        }
    }

    /// The layer's weights, drawn on first use from `weightSeed` and the layer's index, so the
    /// same seed gives the same network whatever order layers are used in.
    private func layerParameters(_ report: LayerReport) throws(TensorError) -> LayerParameters {
        if let p = parameters[report.index] { return p }
        guard let wShape = report.weightShape, let bShape = report.biasShape else {
            throw .invalidParameter(operation: "forward", name: "layer", value: report.index, reason: "has no weights")
        }
        var rng = SeededGenerator(seed: weightSeed &* 0x9E37_79B9 &+ UInt64(report.index))
        let fanIn = wShape.dropLast().reduce(1, *)
        let fanOut = wShape.count == 4 ? wShape[0] * wShape[1] * wShape[3] : wShape[1]
        let w = try Initializer.he.weights(shape: wShape, fanIn: fanIn, fanOut: fanOut, using: &rng)
        let p = LayerParameters(weights: w, bias: try Tensor.zeros(bShape))
        parameters[report.index] = p
        return p
    }
}
