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

    @Test func verticalEdgeExample() throws {
        let s = Session()
        try run("let A = [[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0],[10,10,10,0,0,0]]; filter vertical; let B = A * K", in: s)
        let b = try #require(s.variables["B"])
        #expect(b.shape == [4, 4])
        #expect(b.storage == [Float](repeating: 0, count: 0) + (0..<4).flatMap { _ in [0, 30, 30, 0] as [Float] })
    }
}
