/// Derives a layer's output shape, parameters and cost from its input shape, with the
/// worked derivation of each figure.
///
/// All arithmetic is overflow-checked: absurd sizes are a `LayerProblem.overflow`, not a trap.
public enum LayerAnalyzer {
    /// The report for the input layer a[0].
    public static func input(_ dims: [Int]) throws(LayerProblem) -> LayerReport {
        let shape: FeatureShape
        switch dims.count {
        case 1: shape = .flat(dims[0])
        case 2: shape = .spatial(h: dims[0], w: dims[1], c: 1)
        default: shape = .spatial(h: dims[0], w: dims[1], c: dims[2])
        }
        let count = try product(shape.dimensions)
        var steps = [
            DerivationStep("a[0]", shapeFormula(shape), nil, shape.description),
            DerivationStep("activations", shape.dimensions.map(String.init).joined(separator: "·"), nil, String(count)),
        ]
        if case .spatial = shape { steps += [DerivationStep("r[0]", "1", nil, "1"), DerivationStep("j[0]", "1", nil, "1")] }
        return LayerReport(
            index: 0, spec: nil, input: nil, output: shape, padding: nil, weightShape: nil, biasShape: nil,
            params: 0, activations: count, multiplyAdds: 0, receptiveField: .input, derivation: steps)
    }

    /// The report for `spec` as the layer after `previous`, fed by its output.
    public static func analyze(_ spec: LayerSpec, after previous: LayerReport) throws(LayerProblem) -> LayerReport {
        let l = previous.index + 1, input = previous.output, field = previous.receptiveField
        switch spec {
        case .conv(let filters, let f, let s, let padding):
            return try conv(spec, l: l, input: input, field: field, filters: filters, f: f, s: s, padding: padding)
        case .pool(_, let f, let s):
            return try pool(spec, l: l, input: input, field: field, f: f, s: s)
        case .activation(let a):
            var steps = [
                DerivationStep("a[\(l)]", "\(a.rawValue)(a[\(l - 1)])", nil, input.description),
                DerivationStep("params", "0", nil, "0", note: .noParameters),
            ]
            if case .window(let r, let j) = field {
                steps += [DerivationStep("r[\(l)]", "r[\(l - 1)]", nil, String(r)), DerivationStep("j[\(l)]", "j[\(l - 1)]", nil, String(j))]
            }
            return LayerReport(
                index: l, spec: spec, input: input, output: input, padding: nil, weightShape: nil,
                biasShape: nil, params: 0, activations: input.count, multiplyAdds: 0, receptiveField: field, derivation: steps)
        case .flatten:
            let n = try product(input.dimensions)
            let steps = [
                DerivationStep(
                    "n[\(l)]", "n_H[\(l - 1)]·n_W[\(l - 1)]·n_c[\(l - 1)]",
                    input.dimensions.map(String.init).joined(separator: "·"), String(n)),
                DerivationStep("params", "0", nil, "0", note: .noParameters),
            ]
            return LayerReport(
                index: l, spec: spec, input: input, output: .flat(n), padding: nil, weightShape: nil,
                biasShape: nil, params: 0, activations: n, multiplyAdds: 0, receptiveField: .wholeInput, derivation: steps)
        case .fc(let units):
            return try dense(spec, l: l, input: input, units: units, softmax: false)
        case .softmax(let units?):
            return try dense(spec, l: l, input: input, units: units, softmax: true)
        case .softmax(nil):
            var steps: [DerivationStep] = []
            let n = try flattenedCount(input, l: l, steps: &steps)
            steps.append(DerivationStep("ŷ", "softmax(a[\(l - 1)])", nil, String(n)))
            steps.append(DerivationStep("params", "0", nil, "0", note: .noParameters))
            return LayerReport(
                index: l, spec: spec, input: input, output: .flat(n), padding: nil, weightShape: nil,
                biasShape: nil, params: 0, activations: n, multiplyAdds: 0, receptiveField: .wholeInput, derivation: steps)
        }
    }

    // MARK: Layer kinds

    private static func conv(
        _ spec: LayerSpec, l: Int, input: FeatureShape, field: ReceptiveField, filters: Int, f: Int, s: Int, padding: LayerSpec.Padding
    ) throws(LayerProblem) -> LayerReport {
        guard case .spatial(let h, let w, let c) = input else { throw .needsSpatialInput(shape: input.description) }
        guard filters >= 1 else { throw .notPositive(name: "n_c", value: filters) }
        guard f >= 1 else { throw .notPositive(name: "f", value: f) }
        guard s >= 1 else { throw .strideTooSmall(s) }
        var steps: [DerivationStep] = []
        let p: Int
        switch padding {
        case .explicit(let v):
            guard v >= 0 else { throw .negativePadding(v) }
            p = v
        case .same:
            guard f % 2 == 1 else { throw .sameNeedsOddFilter(f) }
            p = (f - 1) / 2
            steps.append(DerivationStep("p", "(f − 1)/2", "(\(f) − 1)/2", String(p), note: .samePadding))
        }
        let nH = try outputExtent(n: h, f: f, s: s, p: p, axis: "n_H", l: l, steps: &steps)
        let nW = try outputExtent(n: w, f: f, s: s, p: p, axis: "n_W", l: l, steps: &steps)
        steps.append(DerivationStep("n_c[\(l)]", "filters", nil, String(filters)))
        let perFilter = try product([f, f, c])
        let params = try product([try sum(perFilter, 1), filters])
        let activations = try product([nH, nW, filters])
        let macs = try product([activations, perFilter])
        steps.append(DerivationStep(
            "W[\(l)]", "f×f×n_c[\(l - 1)]×n_c[\(l)]", nil, "\(f)×\(f)×\(c)×\(filters)"))
        steps.append(DerivationStep("b[\(l)]", "(1, 1, 1, n_c[\(l)])", nil, "(1, 1, 1, \(filters))"))
        steps.append(DerivationStep(
            "params", "(f·f·n_c[\(l - 1)] + 1)·n_c[\(l)]", "(\(f)·\(f)·\(c) + 1)·\(filters)", String(params),
            note: .sharedParameters))
        steps.append(DerivationStep(
            "activations", "n_H[\(l)]·n_W[\(l)]·n_c[\(l)]", "\(nH)·\(nW)·\(filters)", String(activations)))
        steps.append(DerivationStep(
            "mult-adds", "n_H[\(l)]·n_W[\(l)]·n_c[\(l)]·f·f·n_c[\(l - 1)]",
            "\(nH)·\(nW)·\(filters)·\(f)·\(f)·\(c)", String(macs)))
        steps += field.steps(f: f, s: s, l: l)
        return LayerReport(
            index: l, spec: spec, input: input, output: .spatial(h: nH, w: nW, c: filters), padding: p,
            weightShape: [f, f, c, filters], biasShape: [1, 1, 1, filters], params: params,
            activations: activations, multiplyAdds: macs, receptiveField: field.afterWindow(f: f, s: s), derivation: steps)
    }

    private static func pool(
        _ spec: LayerSpec, l: Int, input: FeatureShape, field: ReceptiveField, f: Int, s: Int
    ) throws(LayerProblem) -> LayerReport {
        guard case .spatial(let h, let w, let c) = input else { throw .needsSpatialInput(shape: input.description) }
        guard f >= 1 else { throw .notPositive(name: "f", value: f) }
        guard s >= 1 else { throw .strideTooSmall(s) }
        var steps: [DerivationStep] = []
        let nH = try outputExtent(n: h, f: f, s: s, p: 0, showsPadding: false, axis: "n_H", l: l, steps: &steps)
        let nW = try outputExtent(n: w, f: f, s: s, p: 0, showsPadding: false, axis: "n_W", l: l, steps: &steps)
        steps.append(DerivationStep("n_c[\(l)]", "n_c[\(l - 1)]", nil, String(c), note: .perChannel))
        steps.append(DerivationStep("params", "0", nil, "0", note: .noParameters))
        let activations = try product([nH, nW, c])
        steps.append(DerivationStep(
            "activations", "n_H[\(l)]·n_W[\(l)]·n_c[\(l)]", "\(nH)·\(nW)·\(c)", String(activations)))
        steps += field.steps(f: f, s: s, l: l)
        return LayerReport(
            index: l, spec: spec, input: input, output: .spatial(h: nH, w: nW, c: c), padding: nil,
            weightShape: nil, biasShape: nil, params: 0, activations: activations, multiplyAdds: 0,
            receptiveField: field.afterWindow(f: f, s: s), derivation: steps)
    }

    private static func dense(_ spec: LayerSpec, l: Int, input: FeatureShape, units: Int, softmax: Bool) throws(LayerProblem) -> LayerReport {
        guard units >= 1 else { throw .notPositive(name: "units", value: units) }
        var steps: [DerivationStep] = []
        let nIn = try flattenedCount(input, l: l, steps: &steps)
        steps.append(DerivationStep("n[\(l)]", "units", nil, String(units)))
        steps.append(DerivationStep("W[\(l)]", "n[\(l - 1)]×n[\(l)]", nil, "\(nIn)×\(units)"))
        steps.append(DerivationStep("b[\(l)]", "(1, n[\(l)])", nil, "(1, \(units))"))
        let params = try product([try sum(nIn, 1), units])
        steps.append(DerivationStep(
            "params", "(n[\(l - 1)] + 1)·n[\(l)]", "(\(nIn) + 1)·\(units)", String(params)))
        let macs = try product([nIn, units])
        steps.append(DerivationStep("mult-adds", "n[\(l - 1)]·n[\(l)]", "\(nIn)·\(units)", String(macs)))
        if softmax {
            steps.append(DerivationStep("ŷ", "softmax(W[\(l)]ᵀa[\(l - 1)] + b[\(l)])", nil, "\(units)"))
        }
        return LayerReport(
            index: l, spec: spec, input: input, output: .flat(units), padding: nil, weightShape: [nIn, units],
            biasShape: [1, units], params: params, activations: units, multiplyAdds: macs, receptiveField: .wholeInput,
            derivation: steps)
    }

    // MARK: Pieces

    /// `n[l] = ⌊(n[l−1] + 2p − f)/s⌋ + 1`, with a note when the floor drops a remainder.
    private static func outputExtent(
        n: Int, f: Int, s: Int, p: Int, showsPadding: Bool = true, axis: String, l: Int, steps: inout [DerivationStep]
    ) throws(LayerProblem) -> Int {
        let twoP = try product([2, p])
        let padded = try sum(n, twoP)
        guard f <= padded else { throw .filterTooLarge(f: f, n: n, p: p, axis: axis) }
        let numerator = padded - f
        let out = numerator / s + 1
        let remainder = numerator % s
        let note: DerivationNote? = remainder == 0 ? nil : .floorDropsRemainder(numerator: numerator, stride: s, remainder: remainder)
        if showsPadding {
            steps.append(DerivationStep(
                "\(axis)[\(l)]", "⌊(\(axis)[\(l - 1)] + 2p − f)/s⌋ + 1", "⌊(\(n) + \(twoP) − \(f))/\(s)⌋ + 1",
                String(out), note: note))
        } else {
            steps.append(DerivationStep(
                "\(axis)[\(l)]", "⌊(\(axis)[\(l - 1)] − f)/s⌋ + 1", "⌊(\(n) − \(f))/\(s)⌋ + 1", String(out), note: note))
        }
        return out
    }

    /// The input's unit count, adding a flattening step when it is a volume.
    private static func flattenedCount(_ input: FeatureShape, l: Int, steps: inout [DerivationStep]) throws(LayerProblem) -> Int {
        let n = try product(input.dimensions)
        if case .spatial = input {
            steps.append(DerivationStep(
                "n[\(l - 1)]", "n_H·n_W·n_c", input.dimensions.map(String.init).joined(separator: "·"), String(n),
                note: .flattened(n)))
        }
        return n
    }

    private static func shapeFormula(_ shape: FeatureShape) -> String {
        switch shape {
        case .spatial: return "n_H[0]×n_W[0]×n_c[0]"
        case .flat: return "n[0]"
        }
    }

    private static func product(_ factors: [Int]) throws(LayerProblem) -> Int {
        guard let p = CheckedCount.product(factors) else { throw .overflow }
        return p
    }

    private static func sum(_ a: Int, _ b: Int) throws(LayerProblem) -> Int {
        guard let s = CheckedCount.sum([a, b]) else { throw .overflow }
        return s
    }
}
