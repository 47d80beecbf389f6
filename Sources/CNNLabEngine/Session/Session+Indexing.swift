import ConvCore

/// `X[0, 1, 2]`, `X[:, :, 3]`, and the activations `a[l]` / `z[l]` of the last `forward`.
extension Session {
    func index(_ base: Expression, _ components: [IndexComponent], at range: SourceRange) throws(Diagnostic) -> Tensor {
        if case .variable(let name, _) = base, name == "a" || name == "z", variables[name] == nil,
            components.count == 1, case .single(let e) = components[0]
        {
            return try activation(name, layer: try integerValue(e, name: "l"), at: range)
        }
        let tensor = try evaluateTensor(base)
        var indices: [TensorIndex] = []
        for c in components {
            switch c {
            case .single(let e):
                indices.append(.at(try integerValue(e, name: "index")))
            case .slice(let a, let b):
                let lo = try a.map { (e: Expression) throws(Diagnostic) -> Int in try integerValue(e, name: "start") }
                let hi = try b.map { (e: Expression) throws(Diagnostic) -> Int in try integerValue(e, name: "stop") }
                indices.append(.range(lo, hi))
            }
        }
        if let shape = try? tensor.slicedShape(indices) { try reserve(shape: shape, for: "index", at: range) }
        do {
            return try tensor.sliced(indices)
        } catch {
            throw Diagnostic(.tensor(operation: "index", error), at: range)
        }
    }

    /// a[l] (a layer's output) or z[l] (its value before the non-linearity).
    private func activation(_ which: String, layer l: Int, at range: SourceRange) throws(Diagnostic) -> Tensor {
        guard let acts = activations else { throw Diagnostic(.noActivations, at: range) }
        let list = which == "a" ? acts.a : acts.z
        guard l >= 0, l < list.count else { throw Diagnostic(.noSuchLayer(l, count: list.count), at: range) }
        return list[l]
    }
}
