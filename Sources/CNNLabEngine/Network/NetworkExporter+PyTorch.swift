/// The PyTorch export: an `nn.Sequential` (NCHW) and the functions that move its weights to
/// and from cnnlab's `.npz`. PyTorch keeps a conv kernel as (out, in, kh, kw) and cnnlab as
/// f×f×n_c[l−1]×n_c[l], so the kernels are permuted; a `Linear` as (out, in), so it is
/// transposed; and its `Flatten` reads a volume in C×H×W order where cnnlab reads H×W×C, so
/// the rows of the first `Linear` after it are reordered.
extension NetworkExporter {
    static func pytorch(_ reports: [LayerReport]) -> String {
        let (layers, flattenedOutput) = pytorchLayers(reports)
        var lines = ["import numpy as np", "import torch", "import torch.nn as nn", "", "# PyTorch is NCHW: cnnlab's n_H×n_W×n_c is C×H×W there.", "model = nn.Sequential("]
        if let input = reports.first?.output {
            lines.append("    # input: \(input.description)")
        }
        lines += layers.map(\.line)
        lines.append(")")
        if flattenedOutput {
            lines.append("# The output is a volume flattened in C×H×W order; cnnlab's is in H×W×C order.")
        }
        lines.append("")
        lines.append(parameterCheck(reports) { "assert sum(p.numel() for p in model.parameters()) == \($0)" })
        lines += ["", ""] + pytorchSave(layers) + ["", ""] + pytorchLoad(layers)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The network's `nn.Sequential` layers, and whether its output is a volume that PyTorch
    /// flattened (so in C×H×W order).
    static func pytorchLayers(_ reports: [LayerReport]) -> (layers: [FrameworkLayer], flattenedOutput: Bool) {
        var layers: [FrameworkLayer] = []
        // The volume PyTorch last flattened, while no Linear has read it (element-wise layers
        // and a bare softmax keep its order).
        var flattened: (h: Int, w: Int, c: Int)?
        func flatten(_ input: FeatureShape?, comment: String? = nil) {
            if case .spatial(let h, let w, let c)? = input { flattened = (h, w, c) }
            layers.append(FrameworkLayer("nn.Flatten()", comment: comment))
        }
        func linear(_ r: LayerReport, units: Int, comment: String? = nil) {
            layers.append(FrameworkLayer("nn.Linear(\(r.input?.count ?? 0), \(units))", comment: comment, weights: Weights(r, flattened: flattened)))
            flattened = nil
        }
        for r in reports.dropFirst() {
            let comment = shapeComment(r)
            switch r.spec {
            case .conv(let n, let f, let s, _)?:
                let c = r.input?.dimensions.last ?? 1
                layers.append(FrameworkLayer("nn.Conv2d(\(c), \(n), kernel_size=\(f), stride=\(s), padding=\(r.padding ?? 0))", comment: comment, weights: Weights(r)))
            case .pool(let kind, let f, let s)?:
                layers.append(FrameworkLayer("nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(f), stride=\(s))", comment: comment))
            case .activation(let a)?:
                layers.append(FrameworkLayer("nn.\(["relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh"][a.rawValue] ?? "ReLU")()", comment: comment))
            case .flatten?:
                flatten(r.input, comment: comment)
            case .fc(let n)?:
                if case .spatial? = r.input { flatten(r.input) }
                linear(r, units: n, comment: comment)
            case .softmax(let n)?:
                if case .spatial? = r.input { flatten(r.input) }
                if let n { linear(r, units: n) }
                layers.append(FrameworkLayer("nn.Softmax(dim=1)", comment: comment))
            case nil:
                break
            }
        }
        return (layers, flattened != nil)
    }

    /// `save_cnnlab_weights(model, path)`: every weight layer's `W<l>`, `b<l>` in cnnlab's shapes.
    static func pytorchSave(_ layers: [FrameworkLayer]) -> [String] {
        var lines = saveHeader + [
            "    def as_array(t):",
            "        return t.detach().cpu().numpy().astype(np.float32)",
            "",
            "    arrays = {",
        ]
        for (i, layer) in layers.enumerated() {
            guard let w = layer.weights else { continue }
            let module = "model[\(i)]"
            if w.isConv {
                lines.append("        \"\(w.weightKey)\": as_array(\(module).weight.permute(2, 3, 1, 0)),  # (out, in, kh, kw) → \(shape(w.weightShape))")
            } else if let v = w.flattened {
                lines.append("        # PyTorch flattens the \(v.h)×\(v.w)×\(v.c) volume in C×H×W order, cnnlab in H×W×C: reorder the rows")
                let reordered = "reshape(\(w.units), \(v.c), \(v.h), \(v.w)).permute(2, 3, 1, 0).reshape(\(arguments(w.weightShape)))"
                lines.append("        \"\(w.weightKey)\": as_array(\(module).weight.\(reordered)),  # (out, C·H·W) → \(shape(w.weightShape))")
            } else {
                lines.append("        \"\(w.weightKey)\": as_array(\(module).weight.T),  # (out, in) → \(shape(w.weightShape))")
            }
            lines.append("        \"\(w.biasKey)\": as_array(\(module).bias.reshape(\(arguments(w.biasShape)))),")
        }
        lines += ["    }", "    np.savez(path, **arrays)"]
        return lines
    }

    /// `load_cnnlab_weights(model, path)`: the inverse permutations of ``pytorchSave(_:)``.
    static func pytorchLoad(_ layers: [FrameworkLayer]) -> [String] {
        var copies: [String] = []
        for (i, layer) in layers.enumerated() {
            guard let w = layer.weights else { continue }
            let module = "model[\(i)]", weights = "torch.as_tensor(d[\"\(w.weightKey)\"])"
            if w.isConv {
                copies.append("\(module).weight.copy_(\(weights).permute(3, 2, 0, 1))")
            } else if let v = w.flattened {
                copies.append("\(module).weight.copy_(\(weights).reshape(\(v.h), \(v.w), \(v.c), \(w.units)).permute(3, 2, 0, 1).reshape(\(w.units), \(w.weightShape.first ?? 0)))")
            } else {
                copies.append("\(module).weight.copy_(\(weights).T)")
            }
            copies.append("\(module).bias.copy_(torch.as_tensor(d[\"\(w.biasKey)\"]).reshape(\(w.units)))")
        }
        return loadHeader + ["    with np.load(path) as d, torch.no_grad():"] + withBody(copies)
    }
}
