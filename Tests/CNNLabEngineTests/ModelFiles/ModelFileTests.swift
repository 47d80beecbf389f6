import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// `net save "m.npz"` and `net load "m.npz"`: the network and its weights round-trip bit for
/// bit, numpy's own files load, and every damaged or mismatched file is a located error that
/// leaves the session as it was.
@Suite struct ModelFileTests {
    /// Every layer kind: conv with padding and stride, relu, max and avg pooling, sigmoid, flatten, fc, tanh, softmax.
    static let network = "input 8x8x1; conv 4 f=3 s=2 p=1; relu; pool max f=2 s=1; conv 3 f=1; sigmoid; pool avg f=3; flatten; fc 6; tanh; softmax 4"

    func prediction(_ source: String, in session: Session) throws -> PredictionReport? {
        guard case .predicted(let r)? = try run(source, in: session).last else { return nil }
        return r
    }

    func bits(_ r: PredictionReport?) -> [[UInt32]] {
        (r?.predictions ?? []).map { $0.probabilities.map(\.bitPattern) }
    }

    @Test func aSavedModelPredictsTheSameBitForBitInAFreshSession() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.npz").path
            let saver = Session()
            // The weights come from seed 9, the inputs from seed 5: a session on seed 5 has other weights.
            try run(Self.network + "; seed 5; let X = randn(3,8,8,1); seed 9", in: saver)
            let saved = try prediction("net save \"\(path)\"; predict X", in: saver)
            let loader = Session()
            let before = try prediction("seed 5; let X = randn(3,8,8,1); " + Self.network + "; predict X", in: loader)
            let loaded = try prediction("net load \"\(path)\"; predict X", in: loader)
            let (savedBits, loadedBits, beforeBits) = (bits(saved), bits(loaded), bits(before))
            #expect(savedBits == loadedBits)
            #expect(beforeBits != savedBits)
            #expect(loader.layers == saver.layers && loader.inputDims == [8, 8, 1])
        }
    }

    @Test func aTrainedModelRoundTripsWithItsClassNames() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("digits.npz").path
            let trainer = Session()
            let directory = try #require(dataDirectory(), "Data/ is missing")
            trainer.dataDirectory = directory
            try run("input 8x8x1; conv 4 f=3 p=1; relu; pool max f=2; flatten; softmax 10; train dataset=digits epochs=1", in: trainer)
            let trained = try prediction("seed 2; let X = rand(4,8,8,1); net save \"\(path)\"; predict X", in: trainer)
            let loader = Session()
            let loaded = try prediction("seed 2; let X = rand(4,8,8,1); net load \"\(path)\"; predict X", in: loader)
            let (trainedBits, loadedBits) = (bits(trained), bits(loaded))
            #expect(trainedBits == loadedBits)
            #expect(loaded?.classNames == DatasetFile.digitNames)
        }
    }

    @Test func theFileHoldsTheLecturesShapesAndTheCommands() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.npz").path
            let session = Session()
            let results = try run(Self.network + "; net save \"\(path)\"", in: session)
            let archive = try NPZArchive(try fixtureFreeRead(path))
            var shapes: [String: [Int]] = [:]
            for key in archive.keys where key != NetworkWeightsFile.networkKey {
                shapes[key] = try NPYFormat.decode(try #require(try archive.npy(key, limit: 1 << 20))).shape
            }
            let file = try NetworkWeightsFile(try fixtureFreeRead(path), path: path, at: SourceRange(line: 1, column: 1, length: 1))
            #expect(shapes == ["W1": [3, 3, 1, 4], "b1": [1, 1, 1, 4], "W4": [1, 1, 4, 3], "b4": [1, 1, 1, 3], "W8": [3, 6], "b8": [1, 6], "W10": [6, 4], "b10": [1, 4]])
            #expect(file.script == session.networkScript)
            #expect(results.last == .modelSaved(path: path, arrays: ["cnnlab_network", "W1", "b1", "W4", "b4", "W8", "b8", "W10", "b10"]))
        }
    }

    /// A network saved before any `forward` holds the weights `forward` would have drawn.
    @Test func savingWithoutAModelSavesTheSeededWeights() throws {
        try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("m.npz").path
            let drawn = try prediction("seed 4; let X = randn(8,8,1); " + Self.network + "; predict X", in: Session())
            let loader = Session()
            try run("seed 4; let X = randn(8,8,1); " + Self.network + "; net save \"\(path)\"; clear; seed 0", in: loader)
            let loaded = try prediction("net load \"\(path)\"; predict X", in: loader)
            let (drawnBits, loadedBits) = (bits(drawn), bits(loaded))
            #expect(drawnBits == loadedBits)
        }
    }

    @Test func forwardAndActivationsUseTheLoadedWeights() throws {
        let session = Session()
        let path = fixturePath("npz/model_compressed.npz")
        let p = try prediction("net load \"\(path)\"; seed 1; let X = randn(8,8,1); predict X", in: session)
        let results = try run("forward X; let Y = a[7]", in: session)
        guard case .assigned(let named)? = results.last else {
            Issue.record("expected a[7]")
            return
        }
        let last = named.first?.tensor.storage
        #expect(last == p?.predictions.first?.probabilities)
    }

    /// `seed` draws random weights again, but keeps trained or loaded ones.
    @Test func seedKeepsLoadedWeights() throws {
        let session = Session()
        let path = fixturePath("npz/model_compressed.npz")
        let first = try prediction("net load \"\(path)\"; let X = ones(8,8,1); predict X", in: session)
        let second = try prediction("seed 77; predict X", in: session)
        let (firstBits, secondBits) = (bits(first), bits(second))
        #expect(firstBits == secondBits)
    }

    /// The largest difference between what cnnlab predicts for a fixture's X (after `setup`
    /// and `net load`) and the probabilities numpy computed, and the session.
    func differenceFromNumpy(_ fixture: String, after setup: String = "") throws -> (Float, Session) {
        let path = fixturePath(fixture)
        let (x, expected) = try fixtureExample(path)
        let session = Session()
        session.variables["X"] = x
        let p = try prediction(setup + "net load \"\(path)\"; predict X", in: session)
        let got = (p?.predictions ?? []).flatMap(\.probabilities)
        guard got.count == expected.count else { return (.infinity, session) }
        return (zip(got, expected.storage).map { abs($0 - $1) }.max() ?? .infinity, session)
    }

    /// np.savez_compressed, float64 weights and cnnlab_network: numpy's forward pass agrees.
    @Test func aCompressedNumpyModelPredictsWhatNumpyComputed() throws {
        let (worst, session) = try differenceFromNumpy("npz/model_compressed.npz")
        #expect(worst < 1e-5)
        #expect(session.layers.count == 7)
    }

    /// np.savez of W and b alone (a vector bias, as Keras has it) loads into the network built.
    @Test func weightsAloneLoadIntoTheCurrentNetwork() throws {
        let (worst, session) = try differenceFromNumpy("npz/weights_savez.npz", after: "input 4x4x1; conv 2 f=3; flatten; softmax 3; ")
        let path = fixturePath("npz/weights_savez.npz")
        let again = try run("net load \"\(path)\"", in: session).last
        #expect(worst < 1e-5)
        let reports = try session.analyze()
        #expect(again == .networkChanged(.loadedWeights(path: path), reports))
    }

    @Test func weightsAloneNeedANetwork() {
        let path = fixturePath("npz/weights_savez.npz")
        let problem = modelFileProblem("net load \"\(path)\"", in: Session())
        #expect(problem == .noNetwork(path: path))
    }

    /// X and the expected probabilities stored beside a fixture's weights.
    func fixtureExample(_ path: String) throws -> (Tensor, Tensor) {
        let archive = try NPZArchive(try fixtureFreeRead(path))
        let x = try NPYFormat.decode(try #require(try archive.npy("X", limit: 1 << 20)))
        let expected = try NPYFormat.decode(try #require(try archive.npy("expected", limit: 1 << 20)))
        return (x, expected)
    }

    func fixtureFreeRead(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
