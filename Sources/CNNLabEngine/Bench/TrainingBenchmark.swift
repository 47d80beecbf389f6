import ConvCore
import Dispatch

/// `cnnlab bench` training cases: SGD on ConvNetJS's demo networks with random data.
public enum TrainingBenchmark {
    /// Bench case name → example network.
    public static let cases: [(name: String, example: String)] = [
        ("train-mnist", "convnetjs-mnist"), ("train-cifar", "convnetjs-cifar10"),
    ]

    /// One training measurement.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var threads: Int
        public var batchSize: Int
        public var batches: Int
        /// Training examples per second (forward, backward and SGD update).
        public var examplesPerSecond: Double
        /// The loss of the last batch (a sanity figure: finite and falling).
        public var lastLoss: Float
        /// FLOPs of one example's training step, counted as 3 × the forward pass's 2·mult-adds
        /// (forward, dA and dW of every conv and fc layer; activations, pooling and the update
        /// are left out, so the share of peak is a slight underestimate).
        public var flopsPerExample: Double = 0
        /// The FMA peak of `threads` threads, nil when not measured.
        public var peakGFLOPS: Double?
        /// Useful GFLOP/s of the step.
        public var gflops: Double { examplesPerSecond * flopsPerExample / 1e9 }
        /// `gflops` as a percentage of `peakGFLOPS`.
        public var percentOfPeak: Double? { PeakProbe.percent(gflops, of: peakGFLOPS) }
    }

    /// Trains `batches` timed mini-batches of `batchSize` after two untimed warm-up batches, with
    /// `NetworkModel.trainStep` (buffers reused from batch to batch, as a training loop should).
    public static func run(
        case name: String, threads: Int, batches: Int, batchSize: Int = 20, peakGFLOPS: Double? = nil
    ) throws -> Result {
        guard let example = cases.first(where: { $0.name == name })?.example, let script = ExampleNetworks.script(example) else {
            throw TensorError.invalidParameter(operation: "bench", name: name, value: 0, reason: "no such training case")
        }
        let session = Session(threads: threads)
        ScriptRunner.run(script, in: session, keepGoing: false) { _ in }
        let reports = try session.analyze()
        var model = try NetworkModel(reports: reports, seed: 1, threads: threads)
        var rng = SeededGenerator(seed: 42)
        let shape = [batchSize] + model.inputShape
        let x = try Tensor.generated(shape) { rng.nextUniform() }
        let labels = (0..<batchSize).map { _ in Int(rng.next() % 10) }
        var sgd = SGD(learningRate: 0.01, momentum: 0.9)
        var workspace = model.makeWorkspace()
        var loss: Float = 0
        func step() throws {
            loss = try model.trainStep(x, labels: labels, optimizer: &sgd, workspace: &workspace) ?? .nan
        }
        try step()
        try step()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<batches { try step() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(
            name: name, threads: threads, batchSize: batchSize, batches: batches,
            examplesPerSecond: Double(batches * batchSize) / max(seconds, 1e-9), lastLoss: loss,
            flopsPerExample: 3 * 2 * reports.reduce(0) { $0 + Double($1.multiplyAdds) }, peakGFLOPS: peakGFLOPS)
    }
}
