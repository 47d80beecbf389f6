import Testing
@testable import ConvCore

/// The blocked GEMM against a naive triple loop on sizes that are not multiples of the
/// micro-kernel tiles (12×8, 6×16) or the cache blocks (kc 256, mc 144).
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

    @Test(arguments: sizes.indices)
    func stridedOperandsMatchNaive(index: Int) {
        let (m, n, k) = Self.sizes[index]
        let a = Self.values(m * k, seed: 1), b = Self.values(k * n, seed: 2)
        let initial = Self.values(m * n, seed: 3)
        // A row-major (m×k); B stored transposed (n×k) to exercise the gather packing.
        var bT = [Float](repeating: 0, count: n * k)
        for p in 0..<k { for j in 0..<n { bT[j * k + p] = b[p * n + j] } }
        let expected = Self.naive(m: m, n: n, k: k, a: { a[$0 * k + $1] }, b: { b[$0 * n + $1] })
        for (accumulate, bTransposed) in [(false, false), (true, false), (false, true)] {
            var c = initial
            a.withUnsafeBufferPointer { ap in
                (bTransposed ? bT : b).withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                        let bView = bTransposed ? MatrixView.rowMajor(bb, ld: k).transposed : .rowMajor(bb, ld: n)
                        GEMM.multiply(
                            m: m, n: n, k: k, a: .strided(.rowMajor(ab, ld: k)), b: bView,
                            c: cb, ldc: n, accumulate: accumulate, workspace: GEMMWorkspace())
                    }
                }
            }
            var worst: Float = 0
            for i in 0..<(m * n) {
                let want = expected[i] + (accumulate ? initial[i] : 0)
                worst = max(worst, abs(c[i] - want) / max(1, abs(want)))
            }
            #expect(worst < 1e-5, "m=\(m) n=\(n) k=\(k) accumulate=\(accumulate) bT=\(bTransposed)")
        }
    }

    @Test(arguments: sizes.indices)
    func paddedColumnMajorOperandMatchesNaive(index: Int) {
        let (m, n, k) = Self.sizes[index]
        let ld = GEMM.rowPadding(m) + 3
        let aCol = Self.values(ld * k, seed: 4)  // (i, p) at i + p·ld; padding rows hold junk
        let b = Self.values(k * n, seed: 5)
        let expected = Self.naive(m: m, n: n, k: k, a: { aCol[$0 + $1 * ld] }, b: { b[$0 * n + $1] })
        // C has a wider row stride than n to check ldc is honoured and the gap is untouched.
        let ldc = n + 2
        var c = [Float](repeating: 99, count: m * ldc)
        aCol.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    guard let ab = ap.baseAddress, let bb = bp.baseAddress, let cb = cp.baseAddress else { return }
                    GEMM.multiply(
                        m: m, n: n, k: k, a: .paddedColumnMajor(ab, ld: ld), b: .rowMajor(bb, ld: n),
                        c: cb, ldc: ldc, accumulate: false, workspace: GEMMWorkspace())
                }
            }
        }
        var worst: Float = 0
        for i in 0..<m {
            for j in 0..<n { worst = max(worst, abs(c[i * ldc + j] - expected[i * n + j]) / max(1, abs(expected[i * n + j]))) }
            #expect(c[i * ldc + n] == 99 && c[i * ldc + n + 1] == 99)
        }
        #expect(worst < 1e-5, "m=\(m) n=\(n) k=\(k)")
    }

    @Test func parallelChunksCoverTheRangeOnce() {
        for (count, threads) in [(0, 2), (1, 4), (5, 2), (64, 3), (7, 7), (3, 8)] {
            let parts = parallelParts(count, threads: threads)
            let chunks = (0..<parts).map { parallelChunk(10..<(10 + count), part: $0, of: parts) }
            #expect(chunks.flatMap { Array($0) } == Array(10..<(10 + count)))
            #expect(parts <= max(1, threads))
        }
    }
}
