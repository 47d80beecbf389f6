import CNNLabEngine
import ConvCore
import Testing

/// Two classes of 6×6 images a small CNN must tell apart: bright left half or bright right
/// half, with a little seeded noise, served in a fixed order.
private struct HalvesData: TrainingData {
    let images: [[Float]]
    let labels: [Int]
    var next = 0

    init(count: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var images: [[Float]] = []
        var labels: [Int] = []
        for i in 0..<count {
            let label = i % 2
            images.append((0..<36).map { p in
                let bright = (p % 6 < 3) == (label == 0)
                return (bright ? 0.8 : 0.1) + 0.1 * rng.nextUniform()
            })
            labels.append(label)
        }
        self.images = images
        self.labels = labels
    }

    var count: Int { labels.count }

    mutating func startEpoch(_ epoch: Int) { next = 0 }

    mutating func nextBatch(size: Int, into x: inout Tensor, labels batch: inout [Int]) -> Bool {
        guard next < count else { return false }
        let m = min(size, count - next)
        x = (try? Tensor(shape: [m, 6, 6, 1], storage: images[next..<next + m].flatMap { $0 })) ?? x
        batch = Array(labels[next..<next + m])
        next += m
        return true
    }

    var tensor: Tensor { (try? Tensor(shape: [count, 6, 6, 1], storage: images.flatMap { $0 })) ?? .placeholder }
}

@Suite struct TrainerTests {
    func model(seed: UInt64 = 1) throws -> NetworkModel {
        let session = Session()
        try run("input 6x6x1; conv 4 f=3; relu; pool max f=2; flatten; softmax 2", in: session)
        return try NetworkModel(reports: try session.analyze(), seed: seed)
    }

    func train(_ optimizer: OptimizerChoice, epochs: Int = 5) throws -> TrainingReport {
        var data = HalvesData(count: 80, seed: 3)
        let test = HalvesData(count: 40, seed: 4)
        var trainer = Trainer(model: try model(), options: TrainingOptions(epochs: epochs, batchSize: 8, optimizer: optimizer))
        return try trainer.run(&data, testImages: test.tensor, testLabels: test.labels, classNames: ["left", "right"]) { _ in }
    }

    @Test(arguments: OptimizerChoice.allCases)
    func everyOptimizerLearnsTheHalves(_ optimizer: OptimizerChoice) throws {
        let report = try train(optimizer, epochs: optimizer == .sgd ? 15 : 8)
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
        var data = HalvesData(count: 24, seed: 3)
        var trainer = Trainer(model: try model(), options: TrainingOptions(epochs: 2, batchSize: 8))
        var batches = 0, epochs = 0
        _ = try trainer.run(&data, testImages: data.tensor, testLabels: data.labels, classNames: ["l", "r"]) { p in
            if p.finished != nil { epochs += 1 } else { batches += 1 }
        }
        #expect(batches == 6 && epochs == 2)
    }
}
