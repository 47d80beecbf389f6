import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

@Suite struct NetworkEditingTests {
    @Test func undoRemovesTheLastLayerThenTheInput() throws {
        let s = Session()
        try run("input 8x8x1; conv 2 f=3; relu", in: s)
        guard case .networkChanged(.removedLayer("relu"), let reports)? = try run("undo", in: s).first else {
            Issue.record("undo should remove relu")
            return
        }
        #expect(reports.count == 2)
        try run("undo; undo", in: s)
        #expect(s.inputDims == nil)
        #expect(try run("undo", in: s).first == .networkChanged(.nothingToUndo, []))
    }

    @Test func clearTargets() throws {
        let s = Session()
        try run("input 8x8x1; let A = ones(2,2); clear", in: s)
        #expect(s.inputDims == nil)
        #expect(s.variables["A"] != nil)
        try run("clear vars", in: s)
        #expect(s.variables.isEmpty)
    }

    @Test(arguments: [("one-layer", 280), ("simple", 44950), ("lenet5", 62958), ("convnetjs-mnist", 208 + 3216 + 2570), ("convnetjs-cifar10", 1216 + 8020 + 10020 + 3210)])
    func exampleNetworksHaveTheirParameterCounts(name: String, params: Int) throws {
        let s = Session()
        try run("net example \(name)", in: s)
        #expect(NetworkSummary(layers: try s.analyze()).totalParams == params)
    }

    @Test func saveAndLoadRoundTripTheNetwork() throws {
        try withTemporaryDirectory { dir in
            let s = Session(workingDirectory: dir.path)
            try run("net example lenet5; net save \"lenet.cnn\"; clear; net load \"lenet.cnn\"", in: s)
            #expect(s.networkScript == ExampleNetworks.script("lenet5").map { $0 + "\n" })
            // A file with something other than layers is refused and the network is kept.
            try "input 4x4x1\nshow ones(2,2)\n".write(to: dir.appendingPathComponent("bad.cnn"), atomically: true, encoding: .utf8)
            #expect(diagnostic("net load \"bad.cnn\"", in: s)?.problem == .notANetworkFile("bad.cnn", line: 2))
            #expect(NetworkSummary(layers: try s.analyze()).totalParams == 62958)
        }
    }

    @Test func exportsNameEveryLayerWithItsFrameworkArguments() throws {
        let s = Session()
        try run("input 28x28x1; conv 8 f=5 p=same; relu; pool max f=2; fc 10", in: s)
        guard case .exported(_, let torch)? = try run("net export pytorch", in: s).first,
            case .exported(_, let keras)? = try run("net export keras", in: s).first
        else {
            Issue.record("expected code")
            return
        }
        #expect(torch.contains("nn.Conv2d(1, 8, kernel_size=5, stride=1, padding=2)"))
        #expect(torch.contains("nn.Linear(1568, 10)"))
        #expect(torch.contains("== \(208 + 15690)"))
        #expect(keras.contains("layers.ZeroPadding2D(padding=2)"))
        #expect(keras.contains("layers.MaxPooling2D(pool_size=2, strides=2)"))
    }

    @Test func forwardKeepsEveryActivation() throws {
        let s = Session()
        try run("net example one-layer; seed 3; forward randn(6,6,3)", in: s)
        let acts = try #require(s.activations)
        #expect(acts.a.map(\.shape) == [[6, 6, 3], [4, 4, 10], [4, 4, 10]])
        // a[2] = relu(z[2]) and z[2] = a[1].
        #expect(acts.z[2] == acts.a[1])
        #expect(acts.a[2].storage == acts.a[1].storage.map { max(0, $0) })
        try run("let C = a[1][:, :, 0]", in: s)
        #expect(s.variables["C"]?.shape == [4, 4])
        #expect(s.variables["C"]?.storage.first == acts.a[1].storage.first)
    }

    @Test func forwardIsDeterministicForASeedAndBatchesWork() throws {
        let s1 = Session(), s2 = Session()
        try run("net example convnetjs-mnist; seed 7; forward randn(2,24,24,1)", in: s1)
        try run("net example convnetjs-mnist; seed 7; forward randn(2,24,24,1)", in: s2)
        #expect(s1.activations == s2.activations)
        let probabilities = try #require(s1.activations?.a.last)
        #expect(probabilities.shape == [2, 10])
        let sums = [probabilities.storage[0..<10].reduce(0, +), probabilities.storage[10..<20].reduce(0, +)]
        #expect(sums.allSatisfy { abs($0 - 1) < 1e-5 })
    }

    @Test func forwardRefusesAWronglyShapedInput() {
        #expect(diagnostic("net example one-layer; forward ones(5,5,3)")?.problem == .forwardInputShape(expected: [6, 6, 3], got: [5, 5, 3]))
        #expect(diagnostic("input 4x4x1; show a[1]")?.problem == .noActivations)
    }
}

@Suite struct PresetAndRandomTests {
    @Test func presetsBindKOrTheGivenName() throws {
        let s = Session()
        try run("filter vertical; filter gaussian size=5 as G; filter identity size=3 as I", in: s)
        #expect(s.variables["K"]?.storage == [1, 0, -1, 1, 0, -1, 1, 0, -1])
        let g = try #require(s.variables["G"])
        #expect(g.shape == [5, 5])
        #expect(abs(g.storage.reduce(0, +) - 1) < 1e-6)
        #expect(g.storage[12] == 36.0 / 256.0)  // binomial 6·6/256 at the centre
        #expect(s.variables["I"]?.storage == [0, 0, 0, 0, 1, 0, 0, 0, 0])
        #expect(diagnostic("filter sobelx")?.problem == .unknownName("sobelx", kind: .preset, suggestion: "sobel_x"))
        #expect(diagnostic("filter vertical size=5") != nil)
    }

    @Test func randnMatchesTheAssignmentSetUp() throws {
        // np.random.seed(1); repr(np.random.randn(2,5,7,4)[0,0,0])
        let s = Session()
        try run("seed 1; let A_prev = randn(2,5,7,4)", in: s)
        let a = try #require(s.variables["A_prev"])
        #expect(Array(a.storage.prefix(4)) == [1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705].map { Float($0) })
    }

    @Test func rangeLikeArange() throws {
        let s = Session()
        try run("let R = range(5); let S = range(1, 2, 0.25); let T = reshape(range(6), 2, 3)", in: s)
        #expect(s.variables["R"]?.storage == [0, 1, 2, 3, 4])
        #expect(s.variables["S"]?.storage == [1, 1.25, 1.5, 1.75])
        #expect(s.variables["T"]?.shape == [2, 3])
        #expect(diagnostic("show range(1, 1)") != nil)
        #expect(diagnostic("show range(0, 1, 0)") != nil)
    }

    @Test func statsAreNumpysPopulationStatistics() throws {
        guard case .stats(_, let st)? = try run("stats [[1, 2], [3, 4]]").first else {
            Issue.record("expected stats")
            return
        }
        #expect(st.min == 1 && st.max == 4 && st.mean == 2.5)
        #expect(abs(st.std - 1.118033988749895) < 1e-12)  // np.std([1,2,3,4])
    }

    @Test func everyHelpExampleRuns() throws {
        for entry in HelpCatalog.entries {
            for example in entry.examples {
                #expect(diagnostic(example) == nil, "help \(entry.command): \(example)")
            }
        }
        #expect(HelpCatalog.page(for: "sigmoid")?.entries.first?.command == "relu")
        #expect(diagnostic("help nosuch") != nil)
    }
}
