/// One epoch of training: the mean loss, the accuracy on the training batches as they were
/// trained and on the held-out test split, and how long it took.
public struct EpochReport: Sendable, Equatable {
    /// From 1.
    public var epoch: Int
    public var loss: Double
    public var trainAccuracy: Double
    public var testAccuracy: Double
    public var seconds: Double
    public var examplesPerSecond: Double
}

/// What `train` did: every epoch, the final test accuracy and the confusion matrix.
public struct TrainingReport: Sendable, Equatable {
    public var dataset: String
    public var optimizer: OptimizerChoice
    public var epochs: [EpochReport]
    /// The held-out split's accuracy at the end (0…1).
    public var testAccuracy: Double
    /// Wall-clock seconds of the whole training, evaluation included.
    public var seconds: Double
    /// Training examples per second over the run (forward, backward, update).
    public var examplesPerSecond: Double
    /// `confusion[true][predicted]` on the test split.
    public var confusion: [[Int]]
    public var classNames: [String]
    /// Ctrl-C stopped it after a batch; the weights learned so far are kept.
    public var stopped: Bool
    public var trainExamples: Int
    public var testExamples: Int
}

/// Where a training run is, for a progress bar (called after every batch).
public struct TrainingProgress: Sendable, Equatable {
    public var epoch: Int
    public var epochs: Int
    /// Examples done in this epoch, of `examples`.
    public var done: Int
    public var examples: Int
    /// The mean loss of this epoch so far.
    public var loss: Double
    public var seconds: Double
    /// The epoch just finished, when this call ends one.
    public var finished: EpochReport?
    /// Training speed so far (the test passes not counted).
    public var examplesPerSecond: Double = 0
    /// What the network has learned, when the trainer took a snapshot with this call
    /// (``Trainer/snapshotInterval``).
    public var snapshot: TrainingSnapshot?
}
