import ConvCore

/// A dataset ready for `train`: the training split as batches, the held-out split as tensors.
struct LoadedTrainingData {
    var train: any TrainingData
    var testImages: Tensor
    var testLabels: [Int]
    var classNames: [String]
    /// One example's n_H, n_W, n_c.
    var exampleShape: (Int, Int, Int)
}
