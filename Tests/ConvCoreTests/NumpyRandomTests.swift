import Foundation
import Testing
import ConvCore

/// `numpy_random.json`, written by `scripts/fixtures/make_random_fixtures.py`: float64 values,
/// compared here by bit pattern.
private struct RandomFixture: Decodable {
    struct Call: Decodable {
        var op: String
        var count: Int
        var shape: [Int]?
        var values: [Double]
    }
    struct Case: Decodable {
        var seed: UInt32
        var calls: [Call]
    }
    struct LogSection: Decodable {
        var inputs: [Double]
        var outputs: [Double]
    }
    var numpy: String
    var cases: [Case]
    var log: LogSection

    static func load() throws -> RandomFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("numpy_random.json")
        return try JSONDecoder().decode(RandomFixture.self, from: Data(contentsOf: url))
    }
}

/// Indices where two Double arrays differ in any bit (or the lengths when they differ).
private func bitMismatches(_ a: [Double], _ b: [Double]) -> [Int] {
    guard a.count == b.count else { return [-1, a.count, b.count] }
    return a.indices.filter { a[$0].bitPattern != b[$0].bitPattern }
}

@Test func numpySeedOneMatchesTheAssignmentsFirstValues() {
    // numpy 2.4: np.random.seed(1); np.random.randn(3)
    var rng = NumpyRandom(seed: 1)
    let values = rng.randn(count: 3)
    #expect(values == [1.6243453636632417, -0.6117564136500754, -0.5281717522634557])
    // np.random.seed(0); np.random.rand(2)
    var uniform = NumpyRandom(seed: 0)
    #expect(uniform.rand(count: 2) == [0.5488135039273248, 0.7151893663724195])
}

@Test func numpyLegacyStreamIsBitExactForEverySeedAndInterleaving() throws {
    let fixture = try RandomFixture.load()
    #expect(fixture.cases.count > 40)
    for c in fixture.cases {
        var rng = NumpyRandom(seed: c.seed)
        for (k, call) in c.calls.enumerated() {
            let got: [Double]
            switch call.op {
            case "randn": got = rng.randn(count: call.count)
            case "rand": got = rng.rand(count: call.count)
            default:
                Issue.record("unknown op \(call.op)")
                continue
            }
            let bad = bitMismatches(got, call.values)
            #expect(bad.isEmpty, "seed \(c.seed) call \(k) (\(call.op) \(call.count)) differs at \(bad.prefix(5))")
        }
    }
}

@Test func numpyTensorFormsCastAfterGeneratingInDouble() throws {
    let fixture = try RandomFixture.load()
    let assignment = try #require(fixture.cases.first { $0.calls.first?.shape != nil })
    var rng = NumpyRandom(seed: assignment.seed)
    for call in assignment.calls {
        let shape = try #require(call.shape)
        let t = try rng.randn(shape)
        #expect(t.shape == shape)
        #expect(t.storage == call.values.map { Float($0) })
    }
    var u = NumpyRandom(seed: 5)
    var v = NumpyRandom(seed: 5)
    #expect(try u.rand([2, 3]).storage == v.rand(count: 6).map { Float($0) })
    #expect(throws: TensorError.self) { try u.randn([2, 0]) }
}

@Test func reseedingForgetsTheCachedGaussian() {
    var a = NumpyRandom(seed: 1)
    _ = a.randn(count: 1) // leaves a cached value
    a = NumpyRandom(seed: 1)
    var b = NumpyRandom(seed: 1)
    #expect(a.randn(count: 2) == b.randn(count: 2))
}

@Test func swiftLogMatchesTheCLibraryLogNumpyUses() throws {
    // legacy_gauss calls the C library's log; Foundation.log must give the same bits.
    let fixture = try RandomFixture.load()
    let got = fixture.log.inputs.map { Foundation.log($0) }
    #expect(bitMismatches(got, fixture.log.outputs).isEmpty)
}
