import ConvCore

/// The data behind `train`: the dataset loaded by name, split into training and held-out
/// examples, and cut to the size the network takes.
extension Session {
    /// `options.dataset` ready to train on: the training split as shuffled (perhaps augmented)
    /// mini-batches, the held-out split as one tensor cropped the same way but never at random.
    func trainingData(_ options: TrainingOptions, at range: SourceRange) throws(Diagnostic) -> LoadedTrainingData {
        let dataset = try DatasetLibrary.load(options.dataset, dataDirectory: dataDirectory, at: range)
        do throws(Diagnostic) {
            let split = try DatasetSplit(dataset, testFraction: options.testFraction, seed: options.seed)
            let augmentation = Self.augmentation(for: dataset, input: inputDims, augment: options.augment)
            let train = try MiniBatches(split.train, batchSize: options.batchSize, seed: options.seed, augmentation: augmentation)
            var test = try MiniBatches(split.test, batchSize: split.test.count, augmentation: augmentation.evaluation, shuffled: false)
            guard let (testImages, testLabels) = test.next() else { throw Diagnostic(.dataset(.tooFewExamples(0))) }
            let shape = train.batchShape
            return LoadedTrainingData(
                train: train, testImages: testImages, testLabels: testLabels, classNames: dataset.classNames,
                exampleShape: (shape[1], shape[2], shape[3]))
        } catch {
            var located = error
            located.range = located.range ?? range
            throw located
        }
    }

    /// What is done to each training image: the ConvNetJS demo's augmentation for the data
    /// (``DatasetLibrary/augmentation(for:)``), on when `augment` says so or, when it says
    /// nothing, where the demo has it (random crops of MNIST, shifts and flips of CIFAR-10); and
    /// a crop to the network's input when that is smaller than the images (a 24×24 network on
    /// 28×28 MNIST), or to the demo's crop when there is no network yet.
    static func augmentation(for dataset: Dataset, input: [Int]?, augment: Bool?) -> Augmentation {
        let demo = DatasetLibrary.augmentation(for: dataset)
        var augmentation = demo == .none ? Augmentation.shifts : demo
        let (h, w) = (dataset.imageShape[0], dataset.imageShape[1])
        if let input, input.count >= 2 {
            let fitsInside = input[0] <= h && input[1] <= w && (input.count == 2 || input[2] == dataset.imageShape[2])
            augmentation.crop = fitsInside && (input[0], input[1]) != (h, w) ? Augmentation.Size(height: input[0], width: input[1]) : nil
        }
        let on = augment ?? (demo.crop != nil || demo.horizontalFlip)
        return on ? augmentation : augmentation.evaluation
    }
}
