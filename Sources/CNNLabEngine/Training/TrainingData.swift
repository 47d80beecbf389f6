import ConvCore

/// Where a training run's examples come from, batch by batch: a dataset's shuffled (and
/// perhaps augmented) training split.
public protocol TrainingData {
    /// Examples in one epoch.
    var count: Int { get }
    /// Starts epoch `epoch` (from 1): a new shuffle.
    mutating func startEpoch(_ epoch: Int)
    /// Fills `x` (reshaped or reused as needed) and `labels` with the next batch of at most
    /// `size` examples; false once the epoch is over.
    mutating func nextBatch(size: Int, into x: inout Tensor, labels: inout [Int]) -> Bool
}
