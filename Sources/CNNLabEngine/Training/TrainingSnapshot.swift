import ConvCore

/// What a network has learned so far, for a live view: the first conv layer's filters, what
/// they make of one held-out image, and a few held-out images with the class predicted for
/// each. Taken a couple of times a second while `train` runs, never per batch.
public struct TrainingSnapshot: Sendable, Equatable {
    /// One held-out image and the network's verdict on it.
    public struct Prediction: Sendable, Equatable {
        /// The image, n_H × n_W × n_c, as the network sees it.
        public var image: Tensor
        /// Its true class.
        public var label: Int
        /// The class with the largest probability.
        public var predicted: Int
        /// That probability, 0…1.
        public var probability: Double
    }

    /// The layer number (as `summary` shows it) of the first conv layer, if there is one.
    public var filterLayer: Int?
    /// That layer's weights, f × f × n_c[l−1] × n_c[l].
    public var filters: Tensor?
    /// Its output a[l] for the first prediction's image, n_H × n_W × n_c.
    public var activations: Tensor?
    /// The first few held-out images, in order.
    public var predictions: [Prediction]
    /// The names of the classes, by index.
    public var classNames: [String]

    /// The most held-out images a snapshot classifies.
    public static let sampleCount = 6

    /// A snapshot of `model` on the first ``sampleCount`` of `images` (m × n_H × n_W × n_c).
    static func take(_ model: NetworkModel, images: Tensor, labels: [Int], classNames: [String]) throws(TensorError) -> TrainingSnapshot {
        let m = min(sampleCount, labels.count, images.rank >= 1 ? images.shape[0] : 0)
        guard m > 0 else { return TrainingSnapshot(filterLayer: nil, filters: nil, activations: nil, predictions: [], classNames: classNames) }
        let x = try images.sliced([.range(0, m)])
        let pass = try model.forward(x)
        let layer = model.reports.firstIndex { if case .conv? = $0.spec { return true } else { return false } }
        var snapshot = TrainingSnapshot(filterLayer: layer, filters: nil, activations: nil, predictions: [], classNames: classNames)
        if let layer, pass.a.indices.contains(layer) {
            snapshot.filters = model.parameters[layer]?.weights
            snapshot.activations = try pass.a[layer].sliced([.at(0)])
        }
        guard let p = pass.a.last, p.rank == 2, p.shape[0] == m else { return snapshot }
        for i in 0..<m {
            let best = Trainer.argmax(p, row: i)
            snapshot.predictions.append(Prediction(
                image: try images.sliced([.at(i)]), label: labels[i], predicted: best,
                probability: best >= 0 ? Double(p.storage[i * p.shape[1] + best]) : 0))
        }
        return snapshot
    }
}
