import AllocationCounter
@testable import ConvCore  // sets single elements of `storage`
import Testing
@testable import CNNLabEngine

/// Training whole networks (their gradients are checked in `NetworkGradientCheckTests`).
@Suite struct NetworkModelTests {
    private func model(_ script: String, seed: UInt64 = 5) throws -> NetworkModel {
        let s = Session()
        try run(script, in: s)
        return try NetworkModel(reports: try s.analyze(), seed: seed)
    }

    /// Mean cross-entropy of the model on (x, labels), in Double for the difference quotient.
    private func loss(_ m: NetworkModel, _ x: Tensor, _ labels: [Int]) throws -> Double {
        Double(try m.backward(try m.forward(x), labels: labels).loss)
    }

    @Test func sgdLowersTheLossOnALearnableTask() throws {
        // Two classes: bright left half vs bright right half.
        var m = try model("input 6x6x1; conv 4 f=3 p=1; relu; pool max f=2; softmax 2")
        var values: [Float] = []
        var labels: [Int] = []
        for i in 0..<8 {
            let left = i % 2 == 0
            for _ in 0..<6 { for c in 0..<6 { values.append((c < 3) == left ? 1 : 0) } }
            labels.append(left ? 0 : 1)
        }
        let x = try Tensor(shape: [8, 6, 6, 1], storage: values)
        var sgd = SGD(learningRate: 0.1, momentum: 0.9)
        let first = try loss(m, x, labels)
        for _ in 0..<30 {
            let (_, g) = try m.backward(try m.forward(x), labels: labels)
            try m.update(with: g, optimizer: &sgd)
        }
        let last = try loss(m, x, labels)
        #expect(last < first * 0.2, "loss \(first) → \(last)")
    }

    @Test func trainingNeedsASoftmaxOutput() throws {
        let m = try model("input 4x4x1; conv 2 f=3")
        let x = try Tensor.zeros([1, 4, 4, 1])
        #expect(throws: TensorError.self) { try m.backward(try m.forward(x), labels: [0]) }
    }

    @Test func trainingBenchmarkRunsAndReports() throws {
        let r = try TrainingBenchmark.run(case: "train-mnist", threads: 1, batches: 1, batchSize: 4)
        #expect(r.examplesPerSecond > 0)
        #expect(r.lastLoss.isFinite)
        #expect(throws: (any Error).self) { try TrainingBenchmark.run(case: "nope", threads: 1, batches: 1) }
    }
}

/// A training loop reuses its buffers: after the first batch, a step makes no heap allocation,
/// on one thread or two (the allocations are counted on the calling thread, which runs its share
/// of every parallel loop and starts each one).
@Suite struct TrainingAllocationTests {
    #if DEBUG
    /// Unoptimised builds keep the worker pool generic, and its entry closure then carries the
    /// job's type in a heap box, one per parallel loop; the optimised test run checks two threads.
    static let threadCounts = [1]
    #else
    static let threadCounts = [1, 2]
    #endif

    @Test(arguments: ["convnetjs-mnist", "convnetjs-cifar10", "lenet5"], threadCounts)
    func trainStepAllocatesNothingAfterTheFirstBatch(_ example: String, threads: Int) throws {
        let s = Session()
        try run(try #require(ExampleNetworks.script(example)), in: s)
        var model = try NetworkModel(reports: try s.analyze(), seed: 3, threads: threads)
        var rng = SeededGenerator(seed: 8)
        let x = try Tensor.generated([4] + model.inputShape) { rng.nextUniform() }
        let labels = [0, 1, 2, 3]
        var sgd = SGD(learningRate: 0.001, momentum: 0.9)
        var workspace = model.makeWorkspace()
        let first = try model.trainStep(x, labels: labels, optimizer: &sgd, workspace: &workspace) ?? .nan
        cnnlab_count_allocations_start()
        var last: Float = 0
        for _ in 0..<10 { last = try model.trainStep(x, labels: labels, optimizer: &sgd, workspace: &workspace) ?? .nan }
        let allocations = cnnlab_count_allocations_stop()
        #expect(allocations == 0, "\(example), \(threads) threads: \(allocations) allocations in 10 steps")
        #expect(first.isFinite && last.isFinite)
    }

    @Test func theCounterSeesAnAllocation() {
        cnnlab_count_allocations_start()
        let array = [Float](repeating: 1, count: Int.random(in: 100...200))
        let allocations = cnnlab_count_allocations_stop()
        #expect(allocations >= 1 && array.count >= 100)
    }
}

/// A model without layers is refused with an error, not a trap.
@Test func aModelWithoutLayersThrowsInsteadOfTrapping() throws {
    let empty = try NetworkModel(reports: [], seed: 1)
    #expect(throws: TensorError.self) { try empty.forward(try Tensor.zeros([1])) }
    var model = empty, sgd = SGD(learningRate: 0.1)
    var workspace = model.makeWorkspace()
    #expect(throws: TensorError.self) { try model.trainStep(try Tensor.zeros([1]), labels: [0], optimizer: &sgd, workspace: &workspace) }
}
