/// The Keras export: a `keras.Sequential` (channels last, as cnnlab) and the functions that move
/// its weights to and from cnnlab's `.npz`. Keras keeps a `Conv2D` kernel as (kh, kw, in, out)
/// and a `Dense` kernel as (in, out), cnnlab's shapes, and its `Flatten` reads a volume in
/// H×W×C order, as cnnlab does: only the biases (plain vectors) are reshaped. A padded conv is
/// a `ZeroPadding2D` (no weights) and a `Conv2D`, so the layers are found by their index in
/// `model.layers` (which leaves out the `keras.Input`).
extension NetworkExporter {
    static func keras(_ reports: [LayerReport]) -> String {
        var lines = ["import numpy as np", "from tensorflow import keras", "from tensorflow.keras import layers", "", "model = keras.Sequential(["]
        if let input = reports.first?.output {
            let dims = arguments(input.dimensions)
            lines.append("    keras.Input(shape=(\(dims)\(input.dimensions.count == 1 ? "," : ""))),")
        }
        let layers = kerasLayers(reports)
        lines += layers.map(\.line)
        lines.append("])")
        lines.append("")
        lines.append(parameterCheck(reports) { "assert model.count_params() == \($0)" })
        lines += ["", ""] + kerasSave(layers) + ["", ""] + kerasLoad(layers)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The network's layers as `model.layers` holds them.
    static func kerasLayers(_ reports: [LayerReport]) -> [FrameworkLayer] {
        var layers: [FrameworkLayer] = []
        for r in reports.dropFirst() {
            let comment = shapeComment(r)
            switch r.spec {
            case .conv(let n, let f, let s, _)?:
                if let p = r.padding, p > 0 { layers.append(FrameworkLayer("layers.ZeroPadding2D(padding=\(p))")) }
                layers.append(FrameworkLayer("layers.Conv2D(\(n), kernel_size=\(f), strides=\(s), padding=\"valid\")", comment: comment, weights: Weights(r)))
            case .pool(let kind, let f, let s)?:
                layers.append(FrameworkLayer("layers.\(kind == .max ? "MaxPooling2D" : "AveragePooling2D")(pool_size=\(f), strides=\(s))", comment: comment))
            case .activation(let a)?:
                layers.append(FrameworkLayer("layers.Activation(\"\(a.rawValue)\")", comment: comment))
            case .flatten?:
                layers.append(FrameworkLayer("layers.Flatten()", comment: comment))
            case .fc(let n)?:
                if case .spatial? = r.input { layers.append(FrameworkLayer("layers.Flatten()")) }
                layers.append(FrameworkLayer("layers.Dense(\(n))", comment: comment, weights: Weights(r)))
            case .softmax(let n)?:
                if case .spatial? = r.input { layers.append(FrameworkLayer("layers.Flatten()")) }
                layers.append(
                    n.map { FrameworkLayer("layers.Dense(\($0), activation=\"softmax\")", comment: comment, weights: Weights(r)) }
                        ?? FrameworkLayer("layers.Softmax()", comment: comment))
            case nil:
                break
            }
        }
        return layers
    }

    /// `save_cnnlab_weights(model, path)`: the kernels as they are, the biases reshaped.
    static func kerasSave(_ layers: [FrameworkLayer]) -> [String] {
        var lines = saveHeader + [
            "    def weights(i, bias_shape):",
            "        kernel, bias = model.layers[i].get_weights()",
            "        return kernel.astype(np.float32), bias.reshape(bias_shape).astype(np.float32)",
            "",
            "    arrays = {}",
        ]
        for (i, layer) in layers.enumerated() {
            guard let w = layer.weights else { continue }
            let kind = w.isConv ? "Conv2D kernel (kh, kw, in, out)" : "Dense kernel (in, out)"
            lines.append("    arrays[\"\(w.weightKey)\"], arrays[\"\(w.biasKey)\"] = weights(\(i), (\(arguments(w.biasShape))))  # \(kind): \(shape(w.weightShape)) as it is")
        }
        lines.append("    np.savez(path, **arrays)")
        return lines
    }

    /// `load_cnnlab_weights(model, path)`: each layer's kernel and its bias as a plain vector.
    static func kerasLoad(_ layers: [FrameworkLayer]) -> [String] {
        let copies = layers.indices.compactMap { i in
            layers[i].weights.map { w in "model.layers[\(i)].set_weights([d[\"\(w.weightKey)\"], d[\"\(w.biasKey)\"].reshape(-1)])" }
        }
        return loadHeader + ["    with np.load(path) as d:"] + withBody(copies)
    }
}
