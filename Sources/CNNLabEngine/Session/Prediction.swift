/// What `predict X` found: the class of every example and the network's softmax output.
public struct PredictionReport: Sendable, Equatable {
    /// One per example, in X's order (one alone when X was a single example).
    public var predictions: [Prediction]
    /// A name per class: the training data's (`train`, or a loaded `.npz`), else "0", "1", ….
    public var classNames: [String]
    /// Whether X was a batch (examples along its first dimension) rather than one example.
    public var batched: Bool

    public init(predictions: [Prediction], classNames: [String], batched: Bool) {
        self.predictions = predictions
        self.classNames = classNames
        self.batched = batched
    }

    /// The name of class `index` (its number when it has no name).
    public func name(of index: Int) -> String {
        classNames.indices.contains(index) ? classNames[index] : String(index)
    }
}

/// One example's prediction.
public struct Prediction: Sendable, Equatable {
    /// The softmax output ŷ: a probability per class.
    public var probabilities: [Float]

    public init(probabilities: [Float]) {
        self.probabilities = probabilities
    }

    /// The most probable class (the first of equals, as numpy's `argmax`).
    public var classIndex: Int {
        ranked.first ?? 0
    }

    /// The classes from the most probable to the least (equals in class order, NaN last).
    public var ranked: [Int] {
        let p = probabilities.map { $0.isNaN ? -Float.infinity : $0 }
        return p.indices.sorted { i, j in p[i] > p[j] || (p[i] == p[j] && i < j) }
    }
}
