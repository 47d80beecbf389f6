/// Where a micro-kernel finds the left operand of its tile: element `(r, k)` of A is at
/// `a[(k / segmentLength) * segmentStride + (k % segmentLength) * depthStride + r * rowStride]`.
///
/// One shape covers both users: a packed GEMM panel is one segment (`rowStride` 1,
/// `depthStride` mr); a direct convolution reads the zero-padded image in place, one segment per
/// filter row `fy` (`f · n_c` contiguous floats), `rowStride = s · n_c` between output pixels.
struct PanelLayout {
    var rowStride: Int
    var depthStride: Int
    var segmentLength: Int
    var segments: Int
    var segmentStride: Int

    /// A plain column-major block: `(r, k)` at `k * ld + r`, depth `kc`.
    static func columnMajor(ld: Int, depth kc: Int) -> PanelLayout {
        PanelLayout(rowStride: 1, depthStride: ld, segmentLength: kc, segments: 1, segmentStride: 0)
    }
}

/// A register-blocked inner kernel: `C[rows × columns] (+)= A · B` for one tile of at most
/// `mr × nr`, with depth `layout.segments · layout.segmentLength`.
///
/// The accumulators live in `SIMD8<Float>` registers (ymm on AVX2) for the whole depth loop, so
/// each step loads the packed row of B, broadcasts `mr` values of A and issues `mr · nr / 8`
/// FMAs. The kernels are written out register by register (generated, hence the repetition)
/// because the compiler keeps explicit locals in registers but not arrays or tuples.
/// - A: see `PanelLayout`; all `mr` rows must be readable whatever `rows` is (rows past `rows`
///   are computed and dropped).
/// - B: element `(k, j)` at `b[k * nr + j]` (a packed panel, zero past the last column).
/// - C: element `(r, j)` at `c[r * ldc + j]` for `r < rows`, `j < columns`; overwritten, or added
///   to when `accumulate`. Nothing outside the tile is touched.
protocol MicroKernel {
    static var mr: Int { get }
    static var nr: Int { get }
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool)
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

    /// Stores the first `columns` lanes of `v` (none if `columns <= 0`) at `self + offset`.
    @inline(__always) func storePartial(_ v: Vector8, _ offset: Int, columns: Int, accumulate: Bool) {
        let dst = self + offset
        for j in 0..<max(0, min(8, columns)) {
            dst[j] = accumulate ? dst[j] + v[j] : v[j]
        }
    }
}

/// 12 rows × 8 columns: 12 accumulators, 1 B vector per step.
enum Kernel12x8: MicroKernel {
    static var mr: Int { 12 }
    static var nr: Int { 8 }

    @inline(__always)
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool
    ) {
        var c0_0 = Vector8()
        var c1_0 = Vector8()
        var c2_0 = Vector8()
        var c3_0 = Vector8()
        var c4_0 = Vector8()
        var c5_0 = Vector8()
        var c6_0 = Vector8()
        var c7_0 = Vector8()
        var c8_0 = Vector8()
        var c9_0 = Vector8()
        var c10_0 = Vector8()
        var c11_0 = Vector8()
        let rs = layout.rowStride
        let o1 = 1 &* rs, o2 = 2 &* rs, o3 = 3 &* rs, o4 = 4 &* rs, o5 = 5 &* rs, o6 = 6 &* rs, o7 = 7 &* rs, o8 = 8 &* rs, o9 = 9 &* rs, o10 = 10 &* rs, o11 = 11 &* rs
        var bp = b
        var segment = a
        for _ in 0..<layout.segments {
            var ap = segment
            for _ in 0..<layout.segmentLength {
                let b0 = bp.vector8(0)
                c0_0.addProduct(ap[0], b0)
                c1_0.addProduct(ap[o1], b0)
                c2_0.addProduct(ap[o2], b0)
                c3_0.addProduct(ap[o3], b0)
                c4_0.addProduct(ap[o4], b0)
                c5_0.addProduct(ap[o5], b0)
                c6_0.addProduct(ap[o6], b0)
                c7_0.addProduct(ap[o7], b0)
                c8_0.addProduct(ap[o8], b0)
                c9_0.addProduct(ap[o9], b0)
                c10_0.addProduct(ap[o10], b0)
                c11_0.addProduct(ap[o11], b0)
                ap += layout.depthStride
                bp += 8
            }
            segment += layout.segmentStride
        }
        if rows == 12 && columns == 8 {
            var row = c
            row.store8(c0_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c1_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c2_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c3_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c4_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c5_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c6_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c7_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c8_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c9_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c10_0, 0, accumulate: accumulate)
            row += ldc
            row.store8(c11_0, 0, accumulate: accumulate)
        } else {
            var row = c
            row.storePartial(c0_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 1 else { return }
            row.storePartial(c1_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 2 else { return }
            row.storePartial(c2_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 3 else { return }
            row.storePartial(c3_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 4 else { return }
            row.storePartial(c4_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 5 else { return }
            row.storePartial(c5_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 6 else { return }
            row.storePartial(c6_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 7 else { return }
            row.storePartial(c7_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 8 else { return }
            row.storePartial(c8_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 9 else { return }
            row.storePartial(c9_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 10 else { return }
            row.storePartial(c10_0, 0, columns: columns &- 0, accumulate: accumulate)
            row += ldc
            guard rows > 11 else { return }
            row.storePartial(c11_0, 0, columns: columns &- 0, accumulate: accumulate)
        }
    }
}

/// 6 rows × 16 columns: 12 accumulators, 2 B vectors per step.
enum Kernel6x16: MicroKernel {
    static var mr: Int { 6 }
    static var nr: Int { 16 }

    @inline(__always)
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool
    ) {
        var c0_0 = Vector8(), c0_1 = Vector8()
        var c1_0 = Vector8(), c1_1 = Vector8()
        var c2_0 = Vector8(), c2_1 = Vector8()
        var c3_0 = Vector8(), c3_1 = Vector8()
        var c4_0 = Vector8(), c4_1 = Vector8()
        var c5_0 = Vector8(), c5_1 = Vector8()
        let rs = layout.rowStride
        let o1 = 1 &* rs, o2 = 2 &* rs, o3 = 3 &* rs, o4 = 4 &* rs, o5 = 5 &* rs
        var bp = b
        var segment = a
        for _ in 0..<layout.segments {
            var ap = segment
            for _ in 0..<layout.segmentLength {
                let b0 = bp.vector8(0)
                let b1 = bp.vector8(8)
                let a0 = ap[0]
                c0_0.addProduct(a0, b0); c0_1.addProduct(a0, b1)
                let a1 = ap[o1]
                c1_0.addProduct(a1, b0); c1_1.addProduct(a1, b1)
                let a2 = ap[o2]
                c2_0.addProduct(a2, b0); c2_1.addProduct(a2, b1)
                let a3 = ap[o3]
                c3_0.addProduct(a3, b0); c3_1.addProduct(a3, b1)
                let a4 = ap[o4]
                c4_0.addProduct(a4, b0); c4_1.addProduct(a4, b1)
                let a5 = ap[o5]
                c5_0.addProduct(a5, b0); c5_1.addProduct(a5, b1)
                ap += layout.depthStride
                bp += 16
            }
            segment += layout.segmentStride
        }
        if rows == 6 && columns == 16 {
            var row = c
            row.store8(c0_0, 0, accumulate: accumulate); row.store8(c0_1, 8, accumulate: accumulate)
            row += ldc
            row.store8(c1_0, 0, accumulate: accumulate); row.store8(c1_1, 8, accumulate: accumulate)
            row += ldc
            row.store8(c2_0, 0, accumulate: accumulate); row.store8(c2_1, 8, accumulate: accumulate)
            row += ldc
            row.store8(c3_0, 0, accumulate: accumulate); row.store8(c3_1, 8, accumulate: accumulate)
            row += ldc
            row.store8(c4_0, 0, accumulate: accumulate); row.store8(c4_1, 8, accumulate: accumulate)
            row += ldc
            row.store8(c5_0, 0, accumulate: accumulate); row.store8(c5_1, 8, accumulate: accumulate)
        } else {
            var row = c
            row.storePartial(c0_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c0_1, 8, columns: columns &- 8, accumulate: accumulate)
            row += ldc
            guard rows > 1 else { return }
            row.storePartial(c1_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c1_1, 8, columns: columns &- 8, accumulate: accumulate)
            row += ldc
            guard rows > 2 else { return }
            row.storePartial(c2_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c2_1, 8, columns: columns &- 8, accumulate: accumulate)
            row += ldc
            guard rows > 3 else { return }
            row.storePartial(c3_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c3_1, 8, columns: columns &- 8, accumulate: accumulate)
            row += ldc
            guard rows > 4 else { return }
            row.storePartial(c4_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c4_1, 8, columns: columns &- 8, accumulate: accumulate)
            row += ldc
            guard rows > 5 else { return }
            row.storePartial(c5_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c5_1, 8, columns: columns &- 8, accumulate: accumulate)
        }
    }
}
