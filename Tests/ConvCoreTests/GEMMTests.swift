import Testing
@testable import ConvCore

/// The blocked GEMM against a naive triple loop on sizes that are not multiples of the
/// micro-kernel tiles (12×8 and 6×16 on SIMD8; 14×16 and 8×32 on SIMD16) or the cache blocks
/// (kc 256, mc 144).
struct GEMMTests {
    /// Deterministic small integers-ish values, so sums are exact enough to compare tightly.
    private static func values(_ count: Int, seed: Int) -> [Float] {
        (0..<count).map { Float(($0 &* 7919 &+ seed &* 104_729) % 17) / 4 - 2 }
    }

    private static func naive(m: Int, n: Int, k: Int, a: (Int, Int) -> Float, b: (Int, Int) -> Float) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Double = 0
                for p in 0..<k { s += Double(a(i, p)) * Double(b(p, j)) }
                c[i * n + j] = Float(s)
            }
        }
        return c
    }

    static let sizes: [(Int, Int, Int)] = [
        (1, 1, 1), (7, 13, 5), (33, 65, 17), (12, 8, 3), (13, 9, 300), (150, 17, 1), (6, 16, 257), (145, 7, 31),
    ]

    @Test(arguments: KernelSet.supported, sizes.indices)
    func matchesNaive(set: KernelSet, index: Int) throws {
        try KernelSet.run(on: set) { check(index: index) }
    }

    private func check(index: Int) {
        let (m, n, k) = Self.sizes[index]
        let a = Self.values(m * k, seed: 1), b = Self.values(k * n, seed: 2)
        let initial = Self.values(m * n, seed: 3)
        // Both operands also stored transposed, to exercise the gathering packers.
        var aT = [Float](repeating: 0, count: m * k)
        for i in 0..<m { for p in 0..<k { aT[p * m + i] = a[i * k + p] } }
        var bT = [Float](repeating: 0, count: n * k)
        for p in 0..<k { for j in 0..<n { bT[j * k + p] = b[p * n + j] } }
        let expected = Self.naive(m: m, n: n, k: k, a: { a[$0 * k + $1] }, b: { b[$0 * n + $1] })
        for (accumulate, transposed) in [(false, false), (true, false), (false, true), (true, true)] {
            var c = initial
            (transposed ? aT : a).withUnsafeBufferPointer { ap in
                (transposed ? bT : b).withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        let aView = transposed ? MatrixView.rowMajor(ab, ld: m).transposed : .rowMajor(ab, ld: k)
                        let bView = transposed ? MatrixView.rowMajor(bb, ld: k).transposed : .rowMajor(bb, ld: n)
                        GEMM.multiply(
                            m: m, n: n, k: k, a: aView, b: bView,
                            c: cb, ldc: n, accumulate: accumulate)
                    }
                }
            }
            var worst: Float = 0
            for i in 0..<(m * n) {
                let want = expected[i] + (accumulate ? initial[i] : 0)
                worst = max(worst, abs(c[i] - want) / max(1, abs(want)))
            }
            #expect(worst < 1e-5, "m=\(m) n=\(n) k=\(k) accumulate=\(accumulate) transposed=\(transposed)")
        }
    }
}
