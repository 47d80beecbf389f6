import ConvCore
import Foundation
import Testing
import CNNLabEngine

/// The course assignment's set-ups typed as a student would, compared with the values its
/// numpy functions print (scripts/fixtures/make_assignment_fixtures.py, float64). cnnlab
/// works in Float32 from the same numpy random stream, so agreement is to ~1e-5 relative.
@Suite struct AssignmentTests {
    struct Expected: Decodable {
        struct ConvForward: Decodable { var Z_shape: [Int]; var Z_mean: Double; var Z_0_2_1: [Double] }
        struct ConvBackward: Decodable { var dA_mean: Double; var dW_mean: Double; var db_mean: Double }
        struct PoolForward: Decodable { var A_shape: [Int]; var A_0_0_0: [Double]; var A_1_2_2: [Double] }
        struct PoolBackward: Decodable { var dA_mean: Double; var dA_prev_1_1: [[Double]] }
        var conv_forward: ConvForward
        var conv_backward: ConvBackward
        var pool_forward_max: PoolForward
        var pool_forward_average: PoolForward
        var pool_backward_max: PoolBackward
        var pool_backward_average: PoolBackward
        struct ZeroPad: Decodable {
            var x_pad_shape: [Int]; var x_1_1: [[Double]]; var x_pad_1_1: [[Double]]; var x_pad_1_3: [[Double]]
            var x_pad_sum: Double; var x_pad_abs_sum: Double
        }
        struct ConvSingleStep: Decodable { var Z: Double }
        struct Mask: Decodable { var x: [[Double]]; var mask: [[Double]]; var ties: [[Double]]; var ties_mask: [[Double]] }
        struct Distribute: Decodable { var a_2_2_2: [[Double]]; var a_1_2_3: [[Double]] }
        struct Reductions: Decodable { var log: [[Double]]; var exp: [[Double]]; var sum: Double; var mean: Double; var sum_log: Double }
        struct CrossEntropy: Decodable { var Y: [[Double]]; var Yhat: [[Double]]; var J: Double }
        var zero_pad: ZeroPad
        var conv_single_step: ConvSingleStep
        var create_mask_from_window: Mask
        var distribute_value: Distribute
        var log_exp_sum_mean: Reductions
        var cross_entropy: CrossEntropy
    }

    let expected: Expected

    init() throws {
        expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: fixturePath("assignment.json"))))
    }

    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 2e-5) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    private func mean(_ t: Tensor?) -> Double {
        TensorStats(t ?? Tensor(scalar: .nan)).mean
    }

    @Test func convForwardAndBackward() throws {
        let s = Session()
        try run("""
            seed 1
            let A_prev = randn(2, 5, 7, 4)
            let W = randn(3, 3, 4, 8)
            let b = randn(1, 1, 1, 8)
            let Z = conv(A_prev, W, b, s=2, p=1)
            let Z021 = Z[0, 2, 1]
            let dA, dW, db = conv_backward(Z, A_prev, W, s=2, p=1)
            """, in: s)
        let e = expected.conv_forward
        #expect(s.variables["Z"]?.shape == e.Z_shape)
        #expect(close(mean(s.variables["Z"]), e.Z_mean))
        let z021 = try #require(s.variables["Z021"])
        #expect(zip(z021.storage, e.Z_0_2_1).allSatisfy { close(Double($0), $1) })
        let g = expected.conv_backward
        #expect(close(mean(s.variables["dA"]), g.dA_mean))
        #expect(close(mean(s.variables["dW"]), g.dW_mean))
        #expect(close(mean(s.variables["db"]), g.db_mean))
    }

    @Test func poolForward() throws {
        let s = Session()
        try run("seed 1; let A_prev = randn(2, 5, 5, 3); let M = maxpool(A_prev, f=3, s=1); let V = avgpool(A_prev, f=3, s=1)", in: s)
        for (name, e) in [("M", expected.pool_forward_max), ("V", expected.pool_forward_average)] {
            let t = try #require(s.variables[name])
            #expect(t.shape == e.A_shape)
            #expect(zip(try t.sliced([.at(0), .at(0), .at(0)]).storage, e.A_0_0_0).allSatisfy { close(Double($0), $1) })
            #expect(zip(try t.sliced([.at(1), .at(2), .at(2)]).storage, e.A_1_2_2).allSatisfy { close(Double($0), $1) })
        }
    }

    @Test func poolBackward() throws {
        let s = Session()
        try run("""
            seed 1
            let A_prev = randn(5, 5, 3, 2)
            let A = maxpool(A_prev, f=2, s=1)
            let dA = randn(5, 4, 2, 2)
            let Max = maxpool_backward(dA, A_prev, f=2, s=1)[1, 1]
            let Avg = avgpool_backward(dA, A_prev, f=2, s=1)[1, 1]
            """, in: s)
        #expect(close(mean(s.variables["dA"]), expected.pool_backward_max.dA_mean))
        for (name, e) in [("Max", expected.pool_backward_max), ("Avg", expected.pool_backward_average)] {
            let t = try #require(s.variables[name])
            #expect(t.shape == [3, 2])
            #expect(zip(t.storage, e.dA_prev_1_1.flatMap { $0 }).allSatisfy { close(Double($0), $1) })
        }
    }

    private func matches(_ t: Tensor?, _ e: [[Double]]) -> Bool {
        guard let t, t.shape == [e.count, e.first?.count ?? 0] else { return false }
        return zip(t.storage, e.flatMap { $0 }).allSatisfy { close(Double($0), $1) }
    }

    private func floats(_ rows: [[Double]]) -> [Float] { rows.flatMap { $0 }.map { Float($0) } }

    private func number(_ t: Tensor?) -> Double {
        guard let t, t.rank == 0 else { return .nan }
        return Double(t.storage[0])
    }

    @Test func zeroPadAddsThreeRowsOfZerosAroundHAndW() throws {
        let s = Session()
        try run("seed 1; let x = randn(4, 3, 3, 2); let x_pad = zero_pad(x, 3); let inner = x_pad[:, 3:6, 3:6, :]", in: s)
        let e = expected.zero_pad
        let xPad = try #require(s.variables["x_pad"])
        #expect(xPad.shape == e.x_pad_shape)
        #expect(matches(try s.variables["x"]?.sliced([.at(1), .at(1)]), e.x_1_1))
        #expect(matches(try xPad.sliced([.at(1), .at(1)]), e.x_pad_1_1))
        #expect(try xPad.sliced([.at(1), .at(1)]).storage.allSatisfy { $0 == 0 })
        #expect(matches(try xPad.sliced([.at(1), .at(3)]), e.x_pad_1_3))
        #expect(close(xPad.storage.reduce(0.0) { $0 + Double($1) }, e.x_pad_sum))
        #expect(close(xPad.storage.reduce(0.0) { $0 + Double(abs($1)) }, e.x_pad_abs_sum))
        // The interior is x itself, bit for bit; everything else is zero.
        #expect(s.variables["inner"] == s.variables["x"])
        #expect(xPad.storage.filter { $0 != 0 }.count == 4 * 3 * 3 * 2)
    }

    @Test func zeroPadKeepsTheRankOfOneExample() throws {
        let s = Session()
        try run("let P2 = zero_pad([[1,2],[3,4]], 1); let P3 = zero_pad(ones(2, 2, 3), 2); let P0 = zero_pad(ones(1, 2, 2, 1), 0)", in: s)
        #expect(s.variables["P2"]?.shape == [4, 4])
        #expect(s.variables["P2"]?.storage == [0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0])
        #expect(s.variables["P3"]?.shape == [6, 6, 3])
        #expect(s.variables["P3"]?.storage.reduce(0, +) == 12)
        #expect(try s.variables["P3"]?.sliced([.at(2), .at(2)]).storage == [1, 1, 1])
        #expect(s.variables["P0"] == (try Tensor(shape: [1, 2, 2, 1], repeating: 1)))
    }

    @Test func convSingleStepGivesTheAssignmentsZ() throws {
        let s = Session()
        try run("""
            seed 1
            let a_slice_prev = randn(4, 4, 3)
            let W = randn(4, 4, 3)
            let b = randn(1, 1, 1)
            let Z = conv_single_step(a_slice_prev, W, b)
            let Z2 = conv_single_step([[1,2],[3,4]], [[1,0],[0,1]], 10)
            """, in: s)
        #expect(close(number(s.variables["Z"]), expected.conv_single_step.Z))
        #expect(s.variables["Z2"] == Tensor(scalar: 15))
    }

    @Test func maskMarksEveryMaximum() throws {
        let s = Session()
        try run("seed 1; let x = randn(2, 3); let mask = create_mask_from_window(x); let ties = create_mask_from_window([[1,3],[3,2]])", in: s)
        let e = expected.create_mask_from_window
        #expect(matches(s.variables["x"], e.x))
        #expect(s.variables["mask"]?.storage == floats(e.mask))
        #expect(s.variables["mask"]?.shape == [2, 3])
        #expect(s.variables["ties"]?.storage == floats(e.ties_mask))
    }

    @Test func distributeValueSpreadsDzEvenly() throws {
        let s = Session()
        try run("let a = distribute_value(2, [2, 2]); let b = distribute_value(1, 2, 3); let c = distribute_value(1, shape=[2, 3])", in: s)
        #expect(s.variables["a"]?.storage == floats(expected.distribute_value.a_2_2_2))
        #expect(s.variables["a"]?.shape == [2, 2])
        #expect(matches(s.variables["b"], expected.distribute_value.a_1_2_3))
        #expect(s.variables["c"] == s.variables["b"])
    }

    @Test func logExpSumAndMeanMatchNumpy() throws {
        let s = Session()
        try run("seed 2; let X = rand(3, 4); let L = log(X); let E = exp(X); let S = sum(X); let M = mean(X); let SL = sum(log(X))", in: s)
        let r = expected.log_exp_sum_mean
        #expect(matches(s.variables["L"], r.log))
        #expect(matches(s.variables["E"], r.exp))
        #expect(close(number(s.variables["S"]), r.sum))
        #expect(close(number(s.variables["M"]), r.mean))
        #expect(close(number(s.variables["SL"]), r.sum_log))
    }

    @Test func crossEntropyIsTheCostJ() throws {
        let s = Session()
        try run("""
            seed 3
            let Yhat = softmax(randn(4, 3))
            let Y = [[1,0,0],[0,0,1],[0,1,0],[0,0,1]]
            let J = cross_entropy(Yhat, Y)
            let J2 = -sum(Y · log(Yhat)) / 4
            let J1 = cross_entropy([0.25, 0.5, 0.25], [0, 1, 0])
            """, in: s)
        let c = expected.cross_entropy
        #expect(matches(s.variables["Yhat"], c.Yhat))
        #expect(matches(s.variables["Y"], c.Y))
        #expect(close(number(s.variables["J"]), c.J))
        #expect(close(number(s.variables["J2"]), c.J))
        #expect(close(number(s.variables["J1"]), 0.6931471805599453))  // −log(1/2) = log 2, one example
    }

    @Test func verticalEdgeExample() throws {
        let s = Session()
        try run("let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]; filter vertical; let B = A * K", in: s)
        let b = try #require(s.variables["B"])
        #expect(b.shape == [4, 4])
        #expect(b.storage == [Float](repeating: 0, count: 0) + (0..<4).flatMap { _ in [0, 30, 30, 0] as [Float] })
    }
}
