@testable import ConvCore  // sets single elements of `storage`
import Foundation
import Testing
@testable import CNNLabEngine

/// Back-propagation through whole networks, checked by central differences of the loss J
/// (the mean cross-entropy) with respect to sampled entries of every parameter tensor and,
/// where the model computes it, of the input x.
///
/// Tolerance: |analytic − numeric| ≤ 2e-4 + 1e-3·|numeric|, with ε = 1e-2. The forward pass is
/// float32: the logits' rounding (~1e-7 relative) makes J, summed in Double, wrong by ~1e-6,
/// and the quotient (÷ 2ε) by up to ~1e-4; the central difference's truncation error is
/// ε²/6·|J‴| ≈ 2e-5·|J‴|. Observed: at most 5e-5. An entry whose ±ε step crosses a kink (a
/// ReLU input changing sign, a max-pool window changing its winner) is not differentiable
/// there and is skipped: up to one in five may be; these networks skip at most 15%.
@Suite struct NetworkGradientCheckTests {
    /// Together these use every layer kind and hyper-parameter path the language has
    /// (`theNetworksUseEveryLayerKind` keeps it so).
    static let networks = [
        // Padding 1, max pool, fc on a volume, softmax N on a vector.
        "input 6x5x2; conv 3 f=3 s=1 p=1; relu; pool max f=2 s=2; fc 4; tanh; softmax 3",
        // Stride 2 without padding, overlapping average pool, flatten, bare softmax.
        "input 7x7x1; conv 2 f=3 s=2 p=0; sigmoid; pool avg f=2 s=1; flatten; softmax 3",
        // Stride 2 with padding on a non-square input, a 1×1 conv after a conv, fc after fc.
        "input 7x6x2; conv 3 f=3 s=2 p=1; tanh; conv 4 f=1; relu; fc 5; sigmoid; fc 4; softmax 3",
        // p=same at stride 1 and 2 (f=5: p=2), overlapping average pool, softmax N on a volume.
        "input 8x8x1; conv 2 f=3 p=same; tanh; conv 3 f=5 s=2 p=same; sigmoid; pool avg f=3 s=2; softmax 4",
        // A pool first (so ∂J/∂x is computed), overlapping max pools, an even filter.
        "input 9x7x2; pool max f=3 s=2; conv 3 f=2 p=0; sigmoid; pool max f=2 s=1; flatten; fc 3; softmax",
        // A vector input: fc after fc, bare softmax on a vector.
        "input 12; fc 6; relu; fc 5; tanh; softmax",
        // Bare softmax straight after conv and flatten (50 classes).
        "input 5x5x3; conv 2 f=3 p=same; flatten; softmax",
        // Bare softmax on a conv's volume, without flatten (16 classes).
        "input 4x6x2; conv 2 f=3; softmax",
        // A 2-D input; an identity pool first, so ∂J/∂x runs through the conv; a stride that
        // drops the last padded row and column; a pool whose stride skips inputs.
        "input 6x6; pool avg f=1; conv 2 f=3 s=2 p=2; relu; pool max f=1 s=3; softmax 2",
        // ∂J/∂x through a strided p=same conv, then padding wider than the filter needs.
        "input 7x5x3; pool max f=1; conv 4 f=3 s=2 p=same; tanh; conv 2 f=2 p=2; relu; softmax 3",
    ]

    /// The step of the central differences, and their tolerance (see above).
    static let eps: Float = 1e-2
    static let absoluteTolerance = 2e-4
    static let relativeTolerance = 1e-3

    private func model(_ script: String, seed: UInt64 = 5) throws -> NetworkModel {
        try NetworkModel(reports: try reports(script), seed: seed)
    }

    /// J, the mean cross-entropy of the model on (x, labels), summed in Double from the float32
    /// logits (z of the softmax layer), and the side of every kink that pass is on.
    private func probe(_ m: NetworkModel, _ x: Tensor, _ labels: [Int]) throws -> Probe {
        let pass = try m.forward(x)
        let logits = pass.z[pass.z.count - 1]
        let k = logits.count / labels.count
        var total = 0.0
        for (i, label) in labels.enumerated() {
            let row = (0..<k).map { Double(logits.storage[i * k + $0]) }
            let top = row.max() ?? 0
            let logSum = top + log(row.reduce(0) { $0 + exp($1 - top) })
            total += logSum - row[label]
        }
        return Probe(loss: total / Double(labels.count), sides: kinkSides(m, pass))
    }

    private struct Probe {
        var loss: Double
        var sides: [Int]
    }

    /// Where J is not smooth: for every ReLU input whether it is positive (its derivative is
    /// taken as 0 at 0), for every max-pool window the position of its first maximum. Two
    /// passes with the same sides lie on one smooth piece of J.
    private func kinkSides(_ m: NetworkModel, _ pass: NetworkModel.Pass) -> [Int] {
        var sides: [Int] = []
        for l in 1..<m.reports.count {
            switch m.reports[l].spec {
            case .activation(.relu)?:
                sides += pass.z[l].storage.map { $0 > 0 ? 1 : 0 }
            case .pool(.max, let f, let s)?:
                let a = pass.a[l - 1]
                let (n, h, w, c) = (a.shape[0], a.shape[1], a.shape[2], a.shape[3])
                for i in 0..<n {
                    for y in stride(from: 0, through: h - f, by: s) {
                        for x in stride(from: 0, through: w - f, by: s) {
                            for ch in 0..<c {
                                var best = 0
                                var bestValue = -Float.infinity
                                for dy in 0..<f {
                                    for dx in 0..<f {
                                        let v = a.storage[((i * h + y + dy) * w + x + dx) * c + ch]
                                        if v > bestValue { (best, bestValue) = (dy * f + dx, v) }
                                    }
                                }
                                sides.append(best)
                            }
                        }
                    }
                }
            default:
                break
            }
        }
        return sides
    }

    /// Up to six entries of a tensor of `count` values: both ends, the middle and three drawn.
    private func sampled(_ count: Int, _ rng: inout SeededGenerator) -> [Int] {
        var picks: Set<Int> = [0, count / 2, count - 1]
        for _ in 0..<3 { picks.insert(Int(rng.next() % UInt64(count))) }
        return picks.sorted()
    }

    /// `(J(+ε) − J(−ε)) / 2ε`, where `perturbed(h)` probes J with one entry moved by h; nil
    /// if either step crosses a kink (its sides differ from the unmoved pass's `sides`).
    private func centralDifference(from sides: [Int], _ perturbed: (Float) throws -> Probe) rethrows -> Double? {
        let plus = try perturbed(Self.eps)
        let minus = try perturbed(-Self.eps)
        guard plus.sides == sides, minus.sides == sides else { return nil }
        return (plus.loss - minus.loss) / Double(2 * Self.eps)
    }

    @Test(arguments: networks)
    func gradientsMatchFiniteDifferences(_ script: String) throws {
        let m = try model(script)
        var rng = SeededGenerator(seed: 11)
        let x = try Tensor.generated([3] + m.inputShape) { rng.nextGaussian() }
        let classes = m.reports[m.reports.count - 1].output.count
        let labels = [0, classes - 1, classes / 2]
        var workspace = m.makeWorkspace()
        let modelLoss = try m.backward(try m.forward(x), labels: labels, into: &workspace)
        let unmoved = try probe(m, x, labels)
        let lossError = abs(Double(modelLoss) - unmoved.loss)
        #expect(lossError <= 1e-5 * unmoved.loss, "loss \(modelLoss) vs \(unmoved.loss)")

        var checked = 0, acrossKinks = 0
        func check(_ analytic: Float, _ numeric: Double?, _ what: String) {
            guard let numeric else { return acrossKinks += 1 }
            checked += 1
            let error = abs(Double(analytic) - numeric)
            let bound = Self.absoluteTolerance + Self.relativeTolerance * abs(numeric)
            #expect(error <= bound, "\(what): analytic \(analytic), numeric \(numeric)")
        }
        let gradients = workspace.gradients.tensors
        #expect(gradients.count == m.tensors.count)
        for t in m.tensors.indices {
            let layer = m.slots.firstIndex(of: t - t % 2) ?? -1
            let name = "layer \(layer) \(t % 2 == 0 ? "W" : "b")"
            #expect(gradients[t].shape == m.tensors[t].shape, "\(name) shape")
            for k in sampled(m.tensors[t].count, &rng) {
                let numeric = try centralDifference(from: unmoved.sides) { h in
                    var moved = m
                    moved.tensors[t].storage[k] += h
                    return try probe(moved, x, labels)
                }
                check(gradients[t].storage[k], numeric, "\(name)[\(k)]")
            }
        }
        // A conv as layer 1 skips ∂J/∂a[0]; some networks put an identity pool first instead.
        let skipsInput = m.reports[1].spec?.typeName == "conv"
        let dx = workspace.deltas[0]
        #expect(skipsInput || dx.shape == x.shape)
        for k in skipsInput ? [] : sampled(x.count, &rng) {
            let numeric = try centralDifference(from: unmoved.sides) { h in
                var moved = x
                moved.storage[k] += h
                return try probe(m, moved, labels)
            }
            check(dx.storage[k], numeric, "x[\(k)]")
        }
        // Kinks may hide a few entries, never most of them.
        #expect(acrossKinks * 4 <= checked, "\(acrossKinks) entries across a kink, \(checked) checked")
    }

    /// What layer `r` exercises, fed by `previous`.
    private func features(_ r: LayerReport, after previous: LayerReport?) -> [String] {
        guard let spec = r.spec else {
            if case .spatial(let h, let w, _) = r.output { return h == w ? ["volume input"] : ["non-square input"] }
            return ["vector input"]
        }
        var onVolume = false
        if case .spatial? = r.input { onVolume = true }
        switch spec {
        case .conv(_, let f, let s, let p):
            var out = ["conv"]
            if f == 1 { out.append("conv f=1") }
            if f % 2 == 0 { out.append("conv with an even f") }
            if s > 1 && (r.padding ?? 0) > 0 { out.append("conv s>1 with padding") }
            if p == .same { out.append("conv p=same") }
            if case .spatial(let h, _, _)? = r.input, (h + 2 * (r.padding ?? 0) - f) % s != 0 {
                out.append("conv dropping a remainder")
            }
            if let previous, previous.index == 0 { out.append("conv first") }
            return out
        case .pool(let kind, let f, let s):
            return ["pool \(kind.rawValue)", s < f ? "overlapping pool" : s > f ? "pool skipping inputs" : "pool s=f"]
        case .activation(let a):
            return [a.rawValue]
        case .flatten:
            return ["flatten"]
        case .fc:
            return [onVolume ? "fc on a volume" : "fc on a vector"]
        case .softmax(let units):
            return ["\(units == nil ? "softmax" : "softmax N") on a \(onVolume ? "volume" : "vector")"]
        }
    }

    @Test func theNetworksUseEveryLayerKind() throws {
        var used: Set<String> = []
        for script in Self.networks {
            let layers = try reports(script)
            for (i, r) in layers.enumerated() { used.formUnion(features(r, after: i > 0 ? layers[i - 1] : nil)) }
            let specs = layers.compactMap(\.spec)
            if specs.filter({ $0.typeName == "conv" }).count >= 2 { used.insert("conv after conv") }
            if specs.filter({ $0.typeName == "fc" }).count >= 2 { used.insert("fc after fc") }
        }
        var expected: Set<String> = [
            "volume input", "non-square input", "vector input",
            "conv", "conv f=1", "conv with an even f", "conv s>1 with padding", "conv p=same",
            "conv dropping a remainder", "conv first", "conv after conv",
            "pool s=f", "overlapping pool", "pool skipping inputs",
            "flatten", "fc on a volume", "fc on a vector", "fc after fc",
            "softmax on a volume", "softmax on a vector", "softmax N on a volume", "softmax N on a vector",
        ]
        expected.formUnion(Activation.allCases.map(\.rawValue))
        expected.formUnion(PoolKind.allCases.map { "pool \($0.rawValue)" })
        let missing = expected.subtracting(used)
        #expect(missing.isEmpty, "no network has: \(missing.sorted())")
    }
}
