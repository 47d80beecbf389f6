/// A register-blocked inner kernel of the matrix multiply: `C[mr × nr] (+)= A[mr × kc] · B[kc × nr]`.
///
/// The accumulators live in `SIMD8<Float>` registers (ymm on AVX2) for the whole `kc` loop, so
/// each step loads one packed row of B, broadcasts `mr` values of A and issues `mr · nr / 8` FMAs.
/// Operand layouts:
/// - A: element `(r, k)` at `a[k * lda + r]` for every `r < mr` (all `mr` rows must be readable).
/// - B: element `(k, j)` at `b[k * nr + j]` (a packed panel).
/// - C: element `(r, j)` at `c[r * ldc + j]`; overwritten, or added to when `accumulate`.
protocol MicroKernel {
    static var mr: Int { get }
    static var nr: Int { get }
    static func run(
        kc: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool)
}

typealias Vector8 = SIMD8<Float>

extension UnsafePointer<Float> {
    @inline(__always) func vector8(_ offset: Int) -> Vector8 {
        UnsafeRawPointer(self + offset).loadUnaligned(as: Vector8.self)
    }
}

extension UnsafeMutablePointer<Float> {
    /// Stores `v` at `self + offset`, adding what is there first when `accumulate`.
    @inline(__always) func store8(_ v: Vector8, _ offset: Int, accumulate: Bool) {
        let raw = UnsafeMutableRawPointer(self + offset)
        let out = accumulate ? v + raw.loadUnaligned(as: Vector8.self) : v
        raw.storeBytes(of: out, as: Vector8.self)
    }
}

/// 12 rows × 8 columns: twelve accumulators, one B vector per step. Used when C has ≤ 8 columns.
enum Kernel12x8: MicroKernel {
    static var mr: Int { 12 }
    static var nr: Int { 8 }

    @inline(__always)
    static func run(
        kc: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        var c0 = Vector8(), c1 = Vector8(), c2 = Vector8(), c3 = Vector8()
        var c4 = Vector8(), c5 = Vector8(), c6 = Vector8(), c7 = Vector8()
        var c8 = Vector8(), c9 = Vector8(), c10 = Vector8(), c11 = Vector8()
        var ap = a
        var bp = b
        for _ in 0..<kc {
            let bv = bp.vector8(0)
            c0.addProduct(ap[0], bv); c1.addProduct(ap[1], bv)
            c2.addProduct(ap[2], bv); c3.addProduct(ap[3], bv)
            c4.addProduct(ap[4], bv); c5.addProduct(ap[5], bv)
            c6.addProduct(ap[6], bv); c7.addProduct(ap[7], bv)
            c8.addProduct(ap[8], bv); c9.addProduct(ap[9], bv)
            c10.addProduct(ap[10], bv); c11.addProduct(ap[11], bv)
            ap += lda
            bp += 8
        }
        c.store8(c0, 0, accumulate: accumulate)
        c.store8(c1, ldc, accumulate: accumulate)
        c.store8(c2, 2 &* ldc, accumulate: accumulate)
        c.store8(c3, 3 &* ldc, accumulate: accumulate)
        c.store8(c4, 4 &* ldc, accumulate: accumulate)
        c.store8(c5, 5 &* ldc, accumulate: accumulate)
        c.store8(c6, 6 &* ldc, accumulate: accumulate)
        c.store8(c7, 7 &* ldc, accumulate: accumulate)
        c.store8(c8, 8 &* ldc, accumulate: accumulate)
        c.store8(c9, 9 &* ldc, accumulate: accumulate)
        c.store8(c10, 10 &* ldc, accumulate: accumulate)
        c.store8(c11, 11 &* ldc, accumulate: accumulate)
    }
}

/// 6 rows × 16 columns: twelve accumulators, two B vectors per step. Used when C has > 8 columns.
enum Kernel6x16: MicroKernel {
    static var mr: Int { 6 }
    static var nr: Int { 16 }

    @inline(__always)
    static func run(
        kc: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        var c00 = Vector8(), c01 = Vector8(), c10 = Vector8(), c11 = Vector8()
        var c20 = Vector8(), c21 = Vector8(), c30 = Vector8(), c31 = Vector8()
        var c40 = Vector8(), c41 = Vector8(), c50 = Vector8(), c51 = Vector8()
        var ap = a
        var bp = b
        for _ in 0..<kc {
            let b0 = bp.vector8(0)
            let b1 = bp.vector8(8)
            var s = ap[0]
            c00.addProduct(s, b0); c01.addProduct(s, b1)
            s = ap[1]
            c10.addProduct(s, b0); c11.addProduct(s, b1)
            s = ap[2]
            c20.addProduct(s, b0); c21.addProduct(s, b1)
            s = ap[3]
            c30.addProduct(s, b0); c31.addProduct(s, b1)
            s = ap[4]
            c40.addProduct(s, b0); c41.addProduct(s, b1)
            s = ap[5]
            c50.addProduct(s, b0); c51.addProduct(s, b1)
            ap += lda
            bp += 16
        }
        let r1 = ldc, r2 = 2 &* ldc, r3 = 3 &* ldc, r4 = 4 &* ldc, r5 = 5 &* ldc
        c.store8(c00, 0, accumulate: accumulate); c.store8(c01, 8, accumulate: accumulate)
        c.store8(c10, r1, accumulate: accumulate); c.store8(c11, r1 &+ 8, accumulate: accumulate)
        c.store8(c20, r2, accumulate: accumulate); c.store8(c21, r2 &+ 8, accumulate: accumulate)
        c.store8(c30, r3, accumulate: accumulate); c.store8(c31, r3 &+ 8, accumulate: accumulate)
        c.store8(c40, r4, accumulate: accumulate); c.store8(c41, r4 &+ 8, accumulate: accumulate)
        c.store8(c50, r5, accumulate: accumulate); c.store8(c51, r5 &+ 8, accumulate: accumulate)
    }
}
