import ConvCore

/// Every layer's output of the last `forward`, without the batch dimension when X had none.
public struct ForwardActivations: Sendable, Equatable {
    public var a: [Tensor]
    public var z: [Tensor]
}

/// `forward X`: runs the network with its weights (seeded random ones until `train` or
/// `net load` gives others).
extension Session {
    func forward(_ x: Tensor, at range: SourceRange) throws(Diagnostic) -> [ActivationRecord] {
        let reports = try analyze(at: range)
        let (batch, batched) = try inputBatch(x, reports: reports, at: range) { .forwardInputShape(expected: $0, got: $1) }
        return try runNetwork(batch, batched: batched, reports: reports, at: range)
    }

    /// X as a batch m × input: one example (no batch dimension; HxW stands for HxWx1) or a
    /// batch. `mismatch` is the problem to report for any other shape.
    func inputBatch(
        _ x: Tensor, reports: [LayerReport], at range: SourceRange, mismatch: ([Int], [Int]) -> Problem
    ) throws(Diagnostic) -> (Tensor, batched: Bool) {
        guard let input = reports.first?.output else { throw Diagnostic(.noInput, at: range) }
        let expected = input.dimensions
        let batched: Bool
        let squeezed = expected.count == 3 && expected[2] == 1 ? Array(expected.prefix(2)) : expected
        if x.shape == expected || x.shape == squeezed {
            batched = false
        } else if x.rank == expected.count + 1, Array(x.shape.dropFirst()) == expected {
            batched = true
        } else {
            throw Diagnostic(mismatch(expected, x.shape), at: range)
        }
        try reserveForward(reports, examples: batched ? x.shape[0] : 1, at: range)
        do {
            return (try x.reshaped([batched ? x.shape[0] : 1] + expected), batched)
        } catch {
            throw Diagnostic(.tensor(operation: "forward", error), at: range)
        }
    }

    /// The session's model: the trained or loaded one, else one drawn from the `seed`.
    func currentModel(_ reports: [LayerReport], at range: SourceRange) throws(Diagnostic) -> NetworkModel {
        if let model { return model }
        do {
            let drawn = try NetworkModel(reports: reports, seed: weightSeed, threads: threads)
            model = drawn
            modelIsDrawn = true
            return drawn
        } catch {
            throw Diagnostic(.tensor(operation: "forward", error), at: range)
        }
    }

    /// Runs `batch` through the network and keeps every a[l] and z[l] (without the batch
    /// dimension unless `batched`).
    func runNetwork(_ batch: Tensor, batched: Bool, reports: [LayerReport], at range: SourceRange) throws(Diagnostic) -> [ActivationRecord] {
        let model = try currentModel(reports, at: range)
        do {
            let pass = try model.forward(batch)
            if Interruption.isRequested { throw Diagnostic(.interrupted, at: range) }
            let strip: (Tensor) throws(TensorError) -> Tensor = { t throws(TensorError) in
                batched ? t : try t.reshaped(Array(t.shape.dropFirst()))
            }
            var a: [Tensor] = [], z: [Tensor] = []
            for i in pass.a.indices {
                a.append(try strip(pass.a[i]))
                z.append(try strip(pass.z[i]))
            }
            activations = ForwardActivations(a: a, z: z)
            return a.enumerated().map { i, t in
                ActivationRecord(index: i, layer: reports[i].typeName, shape: t.shape, stats: TensorStats(t), value: t)
            }
        } catch let error as TensorError {
            throw Diagnostic(.tensor(operation: "forward", error), at: range)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic(.tensor(operation: "forward", .invalidShape(batch.shape)), at: range)
        }
    }

    /// Refuses a forward pass whose a[l] and z[l] (and weights, when not drawn yet) would take
    /// the session past its memory limit. The last pass's activations are replaced, so they
    /// do not count.
    private func reserveForward(_ reports: [LayerReport], examples m: Int, at range: SourceRange) throws(Diagnostic) {
        let perExample = CheckedCount.sum(reports.lazy.map(\.activations))
        let values = perExample.flatMap { CheckedCount.product($0, 2) }.flatMap { CheckedCount.product($0, m) }
        let weights = model == nil ? CheckedCount.sum(reports.lazy.map(\.params)) : 0
        let saved = activations
        activations = nil
        defer { activations = saved }
        try reserve(elements: values.flatMap { v in weights.flatMap { CheckedCount.sum([v, $0]) } }, for: "forward", at: range)
    }
}
