extension NetworkExporter {
    /// One layer of the exported model, as the framework numbers them: a cnnlab layer can take
    /// two (an `fc` after a volume is a `Flatten` and a `Linear`; a padded conv in Keras is a
    /// `ZeroPadding2D` and a `Conv2D`), and the weight functions find its weights by that index.
    struct FrameworkLayer {
        /// The constructor call, e.g. `nn.Conv2d(1, 8, kernel_size=5, stride=1, padding=2)`.
        var call: String
        /// The shape comment, on the framework layer that ends a cnnlab layer.
        var comment: String?
        /// The cnnlab layer whose `W` and `b` this layer holds, if any.
        var weights: Weights?

        init(_ call: String, comment: String? = nil, weights: Weights? = nil) {
            self.call = call
            self.comment = comment
            self.weights = weights
        }

        /// The line in the model's definition.
        var line: String {
            "    \(call),\(comment.map { "  # \($0)" } ?? "")"
        }
    }

    /// The parameters of one cnnlab layer, in the shapes of its `W<l>` and `b<l>` in a `.npz`.
    struct Weights {
        /// The layer's number (what `summary` shows): the `l` of `W<l>`.
        var layer: Int
        /// cnnlab's shape of `W`: f×f×n_c[l−1]×n_c[l] for conv, n[l−1]×n[l] for a dense layer.
        var weightShape: [Int]
        /// cnnlab's shape of `b`: 1×1×1×n_c[l] or 1×n[l].
        var biasShape: [Int]
        /// For a dense layer reading a volume that PyTorch flattened in C×H×W order (cnnlab and
        /// Keras flatten H×W×C): that volume, whose order the weights' rows must be put in.
        var flattened: (h: Int, w: Int, c: Int)?

        /// The weights of `report`'s layer, nil for a layer without them.
        init?(_ report: LayerReport, flattened: (h: Int, w: Int, c: Int)? = nil) {
            guard let w = report.weightShape, let b = report.biasShape else { return nil }
            layer = report.index
            weightShape = w
            biasShape = b
            self.flattened = flattened
        }

        var isConv: Bool { weightShape.count == 4 }
        /// n_c[l] or n[l]: the layer's filters or units.
        var units: Int { biasShape.last ?? 0 }
        var weightKey: String { NetworkWeightsFile.weightKey(layer) }
        var biasKey: String { NetworkWeightsFile.biasKey(layer) }
    }
}
