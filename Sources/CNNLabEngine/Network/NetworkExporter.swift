/// The current network as PyTorch or Keras code, with a shape comment per layer, so students
/// can cross-check cnnlab's numbers in a framework.
public enum NetworkExporter {
    /// Code for `framework` ("pytorch" or "keras") building the network of `reports`.
    public static func code(_ reports: [LayerReport], framework: String) -> String {
        framework == "keras" ? keras(reports) : pytorch(reports)
    }

    private static func pytorch(_ reports: [LayerReport]) -> String {
        var lines = ["import torch", "import torch.nn as nn", "", "# PyTorch is NCHW: cnnlab's n_H×n_W×n_c is C×H×W there.", "model = nn.Sequential("]
        if let input = reports.first?.output {
            lines.append("    # input: \(input.description)")
        }
        for r in reports.dropFirst() {
            let comment = "  # → \(r.output.description), \(r.params) params"
            switch r.spec {
            case .conv(let n, let f, let s, _)?:
                let c = r.input?.dimensions.last ?? 1
                lines.append("    nn.Conv2d(\(c), \(n), kernel_size=\(f), stride=\(s), padding=\(r.padding ?? 0)),\(comment)")
            case .pool(let kind, let f, let s)?:
                lines.append("    nn.\(kind == .max ? "MaxPool2d" : "AvgPool2d")(kernel_size=\(f), stride=\(s)),\(comment)")
            case .activation(let a)?:
                lines.append("    nn.\(["relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh"][a.rawValue] ?? "ReLU")(),\(comment)")
            case .flatten?:
                lines.append("    nn.Flatten(),\(comment)")
            case .fc(let n)?:
                if case .spatial? = r.input { lines.append("    nn.Flatten(),") }
                lines.append("    nn.Linear(\(r.input?.count ?? 0), \(n)),\(comment)")
            case .softmax(let n)?:
                if case .spatial? = r.input { lines.append("    nn.Flatten(),") }
                if let n { lines.append("    nn.Linear(\(r.input?.count ?? 0), \(n)),") }
                lines.append("    nn.Softmax(dim=1),\(comment)")
            case nil:
                break
            }
        }
        lines.append(")")
        lines.append("")
        lines.append(parameterCheck(reports) { "assert sum(p.numel() for p in model.parameters()) == \($0)" })
        return lines.joined(separator: "\n") + "\n"
    }

    private static func keras(_ reports: [LayerReport]) -> String {
        var lines = ["from tensorflow import keras", "from tensorflow.keras import layers", "", "model = keras.Sequential(["]
        if let input = reports.first?.output {
            let dims = input.dimensions.map(String.init).joined(separator: ", ")
            lines.append("    keras.Input(shape=(\(dims)\(input.dimensions.count == 1 ? "," : ""))),")
        }
        for r in reports.dropFirst() {
            let comment = "  # → \(r.output.description), \(r.params) params"
            switch r.spec {
            case .conv(let n, let f, let s, _)?:
                if let p = r.padding, p > 0 { lines.append("    layers.ZeroPadding2D(padding=\(p)),") }
                lines.append("    layers.Conv2D(\(n), kernel_size=\(f), strides=\(s), padding=\"valid\"),\(comment)")
            case .pool(let kind, let f, let s)?:
                lines.append("    layers.\(kind == .max ? "MaxPooling2D" : "AveragePooling2D")(pool_size=\(f), strides=\(s)),\(comment)")
            case .activation(let a)?:
                lines.append("    layers.Activation(\"\(a.rawValue)\"),\(comment)")
            case .flatten?:
                lines.append("    layers.Flatten(),\(comment)")
            case .fc(let n)?:
                if case .spatial? = r.input { lines.append("    layers.Flatten(),") }
                lines.append("    layers.Dense(\(n)),\(comment)")
            case .softmax(let n)?:
                if case .spatial? = r.input { lines.append("    layers.Flatten(),") }
                lines.append(n.map { "    layers.Dense(\($0), activation=\"softmax\"),\(comment)" } ?? "    layers.Softmax(),\(comment)")
            case nil:
                break
            }
        }
        lines.append("])")
        lines.append("")
        lines.append(parameterCheck(reports) { "assert model.count_params() == \($0)" })
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line that checks the parameter count, or a comment when the total is too large to
    /// count (past `Int.max`).
    private static func parameterCheck(_ reports: [LayerReport], _ assertion: (Int) -> String) -> String {
        guard let total = CheckedCount.sum(reports.lazy.map(\.params)) else {
            return "# the total parameter count is too large to count (over 2**63 - 1), so it is not checked"
        }
        return assertion(total)
    }
}
