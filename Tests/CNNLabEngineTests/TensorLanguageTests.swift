import ConvCore
import Testing
import CNNLabEngine

/// Tensor expressions typed as a student would, checked against the lecture's matrices.
@Suite struct TensorLanguageTests {
    private func value(_ source: String, _ name: String) throws -> Tensor {
        let session = Session()
        try run(source, in: session)
        return try #require(session.variables[name])
    }

    @Test func maxPoolF2S2OnTheSlideMatrix() throws {
        let p = try value("let A = [[1,3,2,1],[2,9,1,1],[1,3,2,3],[5,6,1,2]]; let P = maxpool(A, f=2, s=2)", "P")
        #expect(p.shape == [2, 2])
        #expect(p.storage == [9, 2, 6, 3])
    }

    @Test func maxPoolF3S1OnTheSlideMatrices() throws {
        let p = try value("let A = [[1,3,2,1,3],[2,9,1,1,5],[1,3,2,3,2],[8,3,5,1,0],[5,6,1,2,9]]; let P = maxpool(A, f=3, s=1)", "P")
        #expect(p.storage == [9, 9, 5, 9, 9, 5, 8, 6, 9])
        let q = try value("let A = [[1,3,2,1,3],[2,9,1,1,5],[1,8,2,1,2],[8,3,8,1,0],[5,6,1,2,9]]; let P = maxpool(A, 3, 1)", "P")
        #expect(q.storage == [9, 9, 5, 9, 9, 8, 8, 8, 9])
    }

    @Test func averagePoolOnTheSlideMatrix() throws {
        let p = try value("let A = [[1,3,2,1],[2,9,1,1],[1,4,2,3],[5,6,1,2]]; let P = avgpool(A, f=2, s=2)", "P")
        #expect(p.storage == [3.75, 1.25, 4, 2])
    }

    @Test func poolingAVolumeKeepsItsChannels() throws {
        let p = try value("let A = ones(4, 4, 10); let P = maxpool(A, f=2, s=2)", "P")
        #expect(p.shape == [2, 2, 10])
    }

    @Test func arithmeticBroadcastsLikeNumpy() throws {
        let r = try value("let A = [[1,2],[3,4]]; let R = 2 * A - [10, 20] + A · A / 2", "R")
        // 2A − [10, 20] + A·A/2, computed by hand.
        let expected: [Float] = [-7.5, -14, 0.5, -4]
        #expect(r.storage == expected)
    }

    @Test func tupleAssignmentNeedsMatchingNames() {
        #expect(diagnostic("let A = ones(3,3); let B, C = A")?.problem == .tupleArity(expected: 2, got: 1))
    }

    @Test func undefinedVariableSuggestsAName() {
        let d = diagnostic("let Kernel = ones(3,3); show Kernal")
        #expect(d?.problem == .undefinedVariable("Kernal", suggestion: "Kernel"))
        #expect(d?.range?.column == 30)
    }

    @Test func poolWindowLargerThanTheMapIsAnError() {
        if case .tensor(operation: "maxpool", _)? = diagnostic("let A = ones(1,1); show maxpool(A, f=2)")?.problem {
        } else {
            Issue.record("expected a maxpool error")
        }
    }

    @Test func unknownFunctionSuggestsTheClosest() {
        #expect(diagnostic("show maxpol(ones(2,2))")?.problem == .unknownFunction("maxpol", suggestion: "maxpool"))
    }
}
