import CNNLabEngine
import ConvCore
import Testing

/// Two classes of 6×6 images a small CNN must tell apart: bright left half or bright right
/// half, with a little seeded noise.
private func halves(count: Int, seed: UInt64) throws -> Dataset {
    var rng = SeededGenerator(seed: seed)
    var pixels: [Float] = []
    var labels: [Int] = []
    for i in 0..<count {
        let label = i % 2
        for p in 0..<36 {
            let bright = (p % 6 < 3) == (label == 0)
            pixels.append((bright ? 0.8 : 0.1) + 0.1 * rng.nextUniform())
        }
        labels.append(label)
    }
    return try Dataset(name: "halves", images: Tensor(shape: [count, 6, 6, 1], storage: pixels), labels: labels, classNames: ["left", "right"])
}

@Suite struct TrainerTests {
    func model(seed: UInt64 = 1) throws -> NetworkModel {
        let session = Session()
        try run("input 6x6x1; conv 4 f=3; relu; pool max f=2; flatten; softmax 2", in: session)
        return try NetworkModel(reports: try session.analyze(), seed: seed)
    }

    func train(_ optimizer: OptimizerChoice, epochs: Int = 5) throws -> TrainingReport {
        var data = try MiniBatches(try halves(count: 80, seed: 3), batchSize: 8, seed: 1)
        let test = try halves(count: 40, seed: 4)
        var trainer = Trainer(model: try model(), options: TrainingOptions(epochs: epochs, batchSize: 8, optimizer: optimizer))
        return try trainer.run(&data, testImages: test.images, testLabels: test.labels, classNames: test.classNames) { _ in }
    }

    @Test(arguments: OptimizerChoice.allCases)
    func everyOptimizerLearnsTheHalves(_ optimizer: OptimizerChoice) throws {
        let report = try train(optimizer, epochs: 15)
        #expect(report.testAccuracy == 1, "\(optimizer): \(report.epochs.map(\.testAccuracy))")
        #expect(report.epochs.last.map { $0.loss < report.epochs[0].loss } == true)
        #expect(report.confusion == [[20, 0], [0, 20]])
    }

    @Test func theSameSeedGivesTheSameLossCurve() throws {
        let a = try train(.adam).epochs.map(\.loss)
        let b = try train(.adam).epochs.map(\.loss)
        #expect(a == b)
    }

    @Test func progressHearsOfEveryBatchAndEveryEpoch() throws {
        let dataset = try halves(count: 24, seed: 3)
        var data = try MiniBatches(dataset, batchSize: 8, seed: 1)
        var trainer = Trainer(model: try model(), options: TrainingOptions(epochs: 2, batchSize: 8))
        var batches = 0, epochs = 0
        _ = try trainer.run(&data, testImages: dataset.images, testLabels: dataset.labels, classNames: dataset.classNames) { p in
            if p.finished != nil { epochs += 1 } else { batches += 1 }
        }
        #expect(batches == 6 && epochs == 2)
    }
}
