import ConvCore

/// A dataset divided into a training set and a held-out test set.
///
/// When the dataset comes with its own test examples (``Dataset/heldOut``: MNIST's `t10k`,
/// CIFAR-10's `test_batch`) those are the test set. Otherwise the examples are shuffled with a
/// seeded generator and the first `testFraction` of them (rounded, at least one) are held out,
/// so the same seed always gives the same split.
public struct DatasetSplit: Sendable, Equatable {
    /// The examples to train on.
    public var train: Dataset
    /// The examples to measure accuracy on, never trained on.
    public var test: Dataset
    /// Which examples of the original dataset are in `train`, in `train`'s order.
    public var trainIndices: [Int]
    /// Which examples of the original dataset are in `test`, in `test`'s order.
    public var testIndices: [Int]

    /// Splits `dataset`, holding out `testFraction` of it (0 < fraction < 1) chosen by `seed`.
    /// - Parameter useHeldOut: use the dataset's own test examples when it has them.
    /// - Throws: `.dataset(.invalidTestFraction)`, or `.dataset(.tooFewExamples)` for fewer
    ///   than two examples.
    public init(_ dataset: Dataset, testFraction: Double = 0.2, seed: UInt64 = 0, useHeldOut: Bool = true) throws(Diagnostic) {
        guard testFraction > 0, testFraction < 1 else { throw Diagnostic(.dataset(.invalidTestFraction(testFraction))) }
        guard dataset.count >= 2 else { throw Diagnostic(.dataset(.tooFewExamples(dataset.count))) }
        if useHeldOut, let heldOut = dataset.heldOut, !heldOut.isEmpty, heldOut.count < dataset.count {
            testIndices = Array(heldOut)
            trainIndices = Array(0..<heldOut.lowerBound) + Array(heldOut.upperBound..<dataset.count)
        } else {
            var order = Array(0..<dataset.count)
            var rng = SeededGenerator(seed: seed)
            rng.shuffle(&order)
            let testCount = min(dataset.count - 1, max(1, Int((Double(dataset.count) * testFraction).rounded())))
            testIndices = Array(order[..<testCount])
            trainIndices = Array(order[testCount...])
        }
        train = try dataset.subset(trainIndices, name: dataset.name + " (train)")
        test = try dataset.subset(testIndices, name: dataset.name + " (test)")
    }
}
