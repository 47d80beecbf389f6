import ConvCore

/// A dataset ready for `train`: the training split as batches, the held-out split as tensors.
struct LoadedTrainingData {
    var train: MiniBatches
    var testImages: Tensor
    var testLabels: [Int]
    var classNames: [String]
    /// One example's n_H, n_W, n_c, as the network sees it (after any crop).
    var exampleShape: (Int, Int, Int)
}
