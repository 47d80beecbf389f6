import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// Weights trained in PyTorch and saved by the `save_cnnlab_weights` that `net export pytorch`
/// prints load into the same network here and give PyTorch's outputs. The fixtures
/// (`Fixtures/pytorch`) were made by `scripts/fixtures/make_pytorch_fixtures.py`, which ran
/// the exported code in PyTorch, so these tests need no PyTorch.
@Suite struct PyTorchRoundTripTests {
    /// A fixture's name and the commands that build its network (the script's `NETWORKS`).
    static let networks: [(name: String, commands: String)] = [
        ("convnetjs-mnist", "net example convnetjs-mnist"),
        ("lenet5", "net example lenet5"),
        ("small", "input 9x11x3; conv 4 f=3 s=2 p=1; tanh; pool avg f=2 s=2; conv 6 f=3 p=same; relu; flatten; fc 12; tanh; fc 8; sigmoid; softmax 5"),
    ]

    func path(_ name: String, _ suffix: String) -> String {
        fixturePath("pytorch/\(name)\(suffix)")
    }

    /// What `predict X` gives after building `commands`, loading the fixture's weights and
    /// its input as X, and PyTorch's probabilities (m × classes).
    func predicted(_ name: String, _ commands: String) throws -> (PredictionReport, Tensor) {
        let results = try run("\(commands); net load \"\(path(name, ".npz"))\"; load X \"\(path(name, "-input.npy"))\"; predict X")
        guard case .predicted(let report)? = results.last else { throw FixtureMismatch.noPrediction }
        let expected = try NPYFormat.decode(try fixtureBytes("pytorch/\(name)-expected.npy"))
        return (report, expected)
    }

    enum FixtureMismatch: Error { case noPrediction }

    @Test(arguments: networks.map(\.name))
    func weightsSavedByTheExportedPyTorchCodePredictWhatPyTorchComputed(_ name: String) throws {
        let commands = try #require(Self.networks.first { $0.name == name }?.commands)
        let (report, expected) = try predicted(name, commands)
        let classCount = report.classNames.count
        let shape = expected.shape
        #expect(shape == [3, classCount])
        let got = report.predictions.flatMap(\.probabilities)
        let sameCount = got.count == expected.count
        try #require(sameCount)
        let worst = zip(got, expected.storage).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-4, "\(name): largest difference from PyTorch \(worst)")
        // PyTorch's classes are cnnlab's.
        let classes = report.predictions.map(\.classIndex)
        let rows = stride(from: 0, to: expected.storage.count, by: max(classCount, 1))
        let torchClasses = rows.map { start in
            Prediction(probabilities: Array(expected.storage[start..<(start + classCount)])).classIndex
        }
        #expect(classes == torchClasses)
    }

    /// The file holds `W<l>`, `b<l>` alone, so it loads into the network already built.
    @Test func theSavedFileIsWeightsForTheCurrentNetwork() throws {
        let session = Session()
        let file = path("lenet5", ".npz")
        let results = try run("net example lenet5; net load \"\(file)\"", in: session)
        let (last, loaded) = (results.last, CommandResult.networkChanged(.loadedWeights(path: file), try session.analyze()))
        #expect(last == loaded)
        let keys = try NPZArchive(try fixtureBytes("pytorch/lenet5.npz")).keys.sorted()
        #expect(keys == ["W1", "W3", "W6", "W7", "W8", "b1", "b3", "b6", "b7", "b8"])
    }

    /// `net save` writes back the arrays it loaded, bit for bit: what `load_cnnlab_weights`
    /// reads is what `save_cnnlab_weights` wrote.
    @Test func netSaveWritesBackThePyTorchWeights() throws {
        try withTemporaryDirectory { dir in
            let saved = dir.appendingPathComponent("again.npz").path
            try run("net example convnetjs-mnist; net load \"\(path("convnetjs-mnist", ".npz"))\"; net save \"\(saved)\"")
            let original = try NPZArchive(try fixtureBytes("pytorch/convnetjs-mnist.npz"))
            let again = try NPZArchive([UInt8](try Data(contentsOf: URL(fileURLWithPath: saved))))
            for key in original.keys {
                let before = try NPYFormat.decode(try #require(try original.npy(key, limit: 1 << 20)))
                let after = try NPYFormat.decode(try #require(try again.npy(key, limit: 1 << 20)))
                let (beforeShape, afterShape) = (before.shape, after.shape)
                let (beforeBits, afterBits) = (before.storage.map(\.bitPattern), after.storage.map(\.bitPattern))
                #expect(beforeShape == afterShape, "\(key)")
                #expect(beforeBits == afterBits, "\(key)")
            }
        }
    }
}
