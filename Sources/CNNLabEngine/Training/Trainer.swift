import ConvCore
import Dispatch

/// Trains a ``NetworkModel`` on a dataset's training split, epoch by epoch, and measures it
/// on the held-out split: the loop behind `train`.
///
/// The buffers of a step are kept from batch to batch (``NetworkModel/trainStep``), so once
/// warm a batch allocates nothing. A Ctrl-C (``Interruption``) stops after the current batch,
/// keeping the weights learned so far.
public struct Trainer {
    public private(set) var model: NetworkModel
    public let options: TrainingOptions
    /// Seconds between ``TrainingSnapshot``s handed to the progress callback (and one at the end
    /// of every epoch); nil, the default, takes none, so nothing is allocated per batch.
    public var snapshotInterval: Double?

    public init(model: NetworkModel, options: TrainingOptions) {
        self.model = model
        self.options = options
    }

    /// Runs `options.epochs` epochs of `data`'s batches, testing on `testImages`/`testLabels`
    /// after each; `progress` hears of every batch.
    public mutating func run(
        _ data: inout MiniBatches, testImages: Tensor, testLabels: [Int], classNames: [String],
        progress: (TrainingProgress) -> Void
    ) throws(TensorError) -> TrainingReport {
        let lr = options.learningRate ?? options.optimizer.defaultLearningRate
        switch options.optimizer {
        case .sgd:
            var o = SGD(learningRate: lr, momentum: options.momentum, weightDecay: options.weightDecay)
            return try run(&data, &o, testImages, testLabels, classNames, progress)
        case .adam:
            var o = Adam(learningRate: lr, weightDecay: options.weightDecay)
            return try run(&data, &o, testImages, testLabels, classNames, progress)
        case .adadelta:
            var o = Adadelta(weightDecay: options.weightDecay)
            return try run(&data, &o, testImages, testLabels, classNames, progress)
        }
    }

    private mutating func run(
        _ data: inout MiniBatches, _ optimizer: inout some Optimizer, _ testImages: Tensor, _ testLabels: [Int],
        _ classNames: [String], _ progress: (TrainingProgress) -> Void
    ) throws(TensorError) -> TrainingReport {
        let start = DispatchTime.now().uptimeNanoseconds
        var workspace = model.makeWorkspace()
        let examples = data.dataset.count
        var epochs: [EpochReport] = []
        var trainedExamples = 0
        var trainingNanoseconds: UInt64 = 0
        var stopped = false
        var lastSnapshot: UInt64 = 0
        for epoch in 1...max(1, options.epochs) {
            let epochStart = DispatchTime.now().uptimeNanoseconds
            var lossSum = 0.0, done = 0, right = 0
            while !stopped, let (x, labels) = data.next() {
                guard let loss = try model.trainStep(x, labels: labels, optimizer: &optimizer, workspace: &workspace) else {
                    stopped = true  // Ctrl-C during the step: it was not taken
                    Interruption.clear()  // answered: the test passes below must run whole
                    workspace.pass.releaseInput()
                    break
                }
                // (a forward pass leaves a[] non-empty; an indexed read, not `.last.map`, which
                // allocates a closure context in a debug build)
                right += Self.correct(workspace.pass.a[workspace.pass.a.count - 1], labels)
                // The pass lets go of the batch, so the next one is written into the same buffer.
                workspace.pass.releaseInput()
                lossSum += Double(loss) * Double(labels.count)
                done += labels.count
                let now = DispatchTime.now().uptimeNanoseconds
                var snapshot: TrainingSnapshot?
                if let interval = snapshotInterval, Double(now - lastSnapshot) / 1e9 >= interval {
                    snapshot = try TrainingSnapshot.take(model, images: testImages, labels: testLabels, classNames: classNames)
                    lastSnapshot = now
                }
                progress(TrainingProgress(
                    epoch: epoch, epochs: options.epochs, done: done, examples: examples, loss: lossSum / Double(max(1, done)),
                    seconds: Self.seconds(since: start), finished: nil,
                    examplesPerSecond: Double(trainedExamples + done) / max(1e-9, Double(trainingNanoseconds + now - epochStart) / 1e9),
                    snapshot: snapshot))
                if Interruption.isRequested {
                    stopped = true
                    Interruption.clear()
                }
            }
            let trainedFor = DispatchTime.now().uptimeNanoseconds - epochStart
            trainingNanoseconds += trainedFor
            trainedExamples += done
            let (accuracy, _) = try evaluate(testImages, testLabels, classes: classNames.count)
            let report = EpochReport(
                epoch: epoch, loss: lossSum / Double(max(1, done)), trainAccuracy: Double(right) / Double(max(1, done)),
                testAccuracy: accuracy, seconds: Double(DispatchTime.now().uptimeNanoseconds - epochStart) / 1e9,
                examplesPerSecond: Double(done) / max(1e-9, Double(trainedFor) / 1e9))
            if done > 0 { epochs.append(report) }
            let snapshot = snapshotInterval == nil ? nil : try TrainingSnapshot.take(model, images: testImages, labels: testLabels, classNames: classNames)
            progress(TrainingProgress(
                epoch: epoch, epochs: options.epochs, done: done, examples: examples, loss: report.loss,
                seconds: Self.seconds(since: start), finished: report,
                examplesPerSecond: Double(trainedExamples) / max(1e-9, Double(trainingNanoseconds) / 1e9), snapshot: snapshot))
            if stopped { break }
        }
        let (accuracy, confusion) = try evaluate(testImages, testLabels, classes: classNames.count)
        return TrainingReport(
            dataset: options.dataset, optimizer: options.optimizer, epochs: epochs, testAccuracy: accuracy,
            seconds: Self.seconds(since: start),
            examplesPerSecond: Double(trainedExamples) / max(1e-9, Double(trainingNanoseconds) / 1e9), confusion: confusion,
            classNames: classNames, stopped: stopped, trainExamples: examples, testExamples: testLabels.count)
    }

    /// The accuracy on `images` and the confusion matrix `[true][predicted]`.
    public func evaluate(_ images: Tensor, _ labels: [Int], classes: Int) throws(TensorError) -> (Double, [[Int]]) {
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        let n = labels.count
        guard n > 0, images.rank >= 1 else { return (0, confusion) }
        let perExample = images.count / max(1, images.shape[0])
        let batch = 100
        var right = 0
        var first = 0
        while first < n {
            let m = min(batch, n - first)
            let x = try Tensor(
                shape: [m] + Array(images.shape.dropFirst()),
                storage: Array(images.storage[(first * perExample)..<((first + m) * perExample)]))
            guard let p = try model.forward(x).a.last else { break }
            for i in 0..<m {
                let predicted = Self.argmax(p, row: i)
                let truth = labels[first + i]
                if predicted == truth { right += 1 }
                if confusion.indices.contains(truth), confusion[truth].indices.contains(predicted) { confusion[truth][predicted] += 1 }
            }
            first += m
        }
        return (Double(right) / Double(n), confusion)
    }

    /// How many rows of the probabilities `p` (m × classes) put their largest value on the label.
    static func correct(_ p: Tensor, _ labels: [Int]) -> Int {
        guard p.rank == 2, p.shape[0] >= labels.count else { return 0 }
        let classes = p.shape[1]
        return p.storage.withUnsafeBufferPointer { buffer in
            var right = 0
            for row in labels.indices where bestClass(buffer, row: row, classes: classes) == labels[row] {
                right += 1
            }
            return right
        }
    }

    /// The class row `row` of the probabilities `p` (m × classes) rates highest, or -1.
    static func argmax(_ p: Tensor, row: Int) -> Int {
        guard p.rank == 2, row < p.shape[0] else { return -1 }
        return p.storage.withUnsafeBufferPointer { bestClass($0, row: row, classes: p.shape[1]) }
    }

    private static func bestClass(_ buffer: UnsafeBufferPointer<Float>, row: Int, classes: Int) -> Int {
        var best = 0
        var value = -Float.infinity
        for k in 0..<classes where buffer[row * classes + k] > value {
            value = buffer[row * classes + k]
            best = k
        }
        return best
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
