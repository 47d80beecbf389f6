/// How a micro-kernel walks the depth of its tile. The depth `k` is `segments` runs of
/// `segmentLength`; with `(s, i) = (k / segmentLength, k % segmentLength)`:
/// - A element `(r, k)` is at `a[s * segmentStride + i * depthStride + r * rowStride]`;
/// - B row `k` (the `nr` columns, contiguous) starts at `b[s * bSegmentStride + i * bDepthStride]`.
///
/// One shape covers every user: a packed GEMM panel is one segment; the direct convolution reads
/// windows out of the zero-padded image in place, one segment per filter row `fy`
/// (`f · n_c` contiguous floats, `rowStride = s · n_c` between output pixels); the small-channel
/// input gradient reads image rows as B.
struct PanelLayout {
    var rowStride: Int
    var depthStride: Int
    var segmentLength: Int
    var segments: Int
    var segmentStride: Int
    var bDepthStride: Int
    var bSegmentStride: Int

    /// A with the given walk, B a packed panel (`(k, j)` at `k * nr + j`).
    init(rowStride: Int, depthStride: Int, segmentLength: Int, segments: Int, segmentStride: Int, packedB nr: Int) {
        self.init(
            rowStride: rowStride, depthStride: depthStride, segmentLength: segmentLength, segments: segments,
            segmentStride: segmentStride, bDepthStride: nr, bSegmentStride: nr &* segmentLength)
    }

    init(
        rowStride: Int, depthStride: Int, segmentLength: Int, segments: Int, segmentStride: Int,
        bDepthStride: Int, bSegmentStride: Int
    ) {
        self.rowStride = rowStride
        self.depthStride = depthStride
        self.segmentLength = segmentLength
        self.segments = segments
        self.segmentStride = segmentStride
        self.bDepthStride = bDepthStride
        self.bSegmentStride = bSegmentStride
    }

    /// A packed column-major A panel (`(r, k)` at `k * mr + r`) and a packed B panel, depth `kc`.
    static func packed(mr: Int, nr: Int, depth kc: Int) -> PanelLayout {
        PanelLayout(rowStride: 1, depthStride: mr, segmentLength: kc, segments: 1, segmentStride: 0, packedB: nr)
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
/// - B: see `PanelLayout`; all `nr` columns must be readable (columns past `columns` are
///   computed and dropped).
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
        var aSegment = a
        var bSegment = b
        for _ in 0..<layout.segments {
            var ap = aSegment
            var bp = bSegment
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
                bp += layout.bDepthStride
            }
            aSegment += layout.segmentStride
            bSegment += layout.bSegmentStride
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
        var aSegment = a
        var bSegment = b
        for _ in 0..<layout.segments {
            var ap = aSegment
            var bp = bSegment
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
                bp += layout.bDepthStride
            }
            aSegment += layout.segmentStride
            bSegment += layout.bSegmentStride
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

/// 1 rows × 32 columns: 4 accumulators, 4 B vectors per step.
enum Kernel1x32: MicroKernel {
    static var mr: Int { 1 }
    static var nr: Int { 32 }

    @inline(__always)
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool
    ) {
        var c0_0 = Vector8(), c0_1 = Vector8(), c0_2 = Vector8(), c0_3 = Vector8()
        var aSegment = a
        var bSegment = b
        for _ in 0..<layout.segments {
            var ap = aSegment
            var bp = bSegment
            for _ in 0..<layout.segmentLength {
                let b0 = bp.vector8(0)
                let b1 = bp.vector8(8)
                let b2 = bp.vector8(16)
                let b3 = bp.vector8(24)
                let a0 = ap[0]
                c0_0.addProduct(a0, b0); c0_1.addProduct(a0, b1); c0_2.addProduct(a0, b2); c0_3.addProduct(a0, b3)
                ap += layout.depthStride
                bp += layout.bDepthStride
            }
            aSegment += layout.segmentStride
            bSegment += layout.bSegmentStride
        }
        if rows == 1 && columns == 32 {
            var row = c
            row.store8(c0_0, 0, accumulate: accumulate); row.store8(c0_1, 8, accumulate: accumulate); row.store8(c0_2, 16, accumulate: accumulate); row.store8(c0_3, 24, accumulate: accumulate)
        } else {
            var row = c
            row.storePartial(c0_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c0_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c0_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c0_3, 24, columns: columns &- 24, accumulate: accumulate)
        }
    }
}

/// 2 rows × 32 columns: 8 accumulators, 4 B vectors per step.
enum Kernel2x32: MicroKernel {
    static var mr: Int { 2 }
    static var nr: Int { 32 }

    @inline(__always)
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool
    ) {
        var c0_0 = Vector8(), c0_1 = Vector8(), c0_2 = Vector8(), c0_3 = Vector8()
        var c1_0 = Vector8(), c1_1 = Vector8(), c1_2 = Vector8(), c1_3 = Vector8()
        let rs = layout.rowStride
        let o1 = 1 &* rs
        var aSegment = a
        var bSegment = b
        for _ in 0..<layout.segments {
            var ap = aSegment
            var bp = bSegment
            for _ in 0..<layout.segmentLength {
                let b0 = bp.vector8(0)
                let b1 = bp.vector8(8)
                let b2 = bp.vector8(16)
                let b3 = bp.vector8(24)
                let a0 = ap[0]
                c0_0.addProduct(a0, b0); c0_1.addProduct(a0, b1); c0_2.addProduct(a0, b2); c0_3.addProduct(a0, b3)
                let a1 = ap[o1]
                c1_0.addProduct(a1, b0); c1_1.addProduct(a1, b1); c1_2.addProduct(a1, b2); c1_3.addProduct(a1, b3)
                ap += layout.depthStride
                bp += layout.bDepthStride
            }
            aSegment += layout.segmentStride
            bSegment += layout.bSegmentStride
        }
        if rows == 2 && columns == 32 {
            var row = c
            row.store8(c0_0, 0, accumulate: accumulate); row.store8(c0_1, 8, accumulate: accumulate); row.store8(c0_2, 16, accumulate: accumulate); row.store8(c0_3, 24, accumulate: accumulate)
            row += ldc
            row.store8(c1_0, 0, accumulate: accumulate); row.store8(c1_1, 8, accumulate: accumulate); row.store8(c1_2, 16, accumulate: accumulate); row.store8(c1_3, 24, accumulate: accumulate)
        } else {
            var row = c
            row.storePartial(c0_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c0_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c0_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c0_3, 24, columns: columns &- 24, accumulate: accumulate)
            row += ldc
            guard rows > 1 else { return }
            row.storePartial(c1_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c1_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c1_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c1_3, 24, columns: columns &- 24, accumulate: accumulate)
        }
    }
}

/// 3 rows × 32 columns: 12 accumulators, 4 B vectors per step.
enum Kernel3x32: MicroKernel {
    static var mr: Int { 3 }
    static var nr: Int { 32 }

    @inline(__always)
    static func run(
        a: UnsafePointer<Float>, _ layout: PanelLayout, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, columns: Int, accumulate: Bool
    ) {
        var c0_0 = Vector8(), c0_1 = Vector8(), c0_2 = Vector8(), c0_3 = Vector8()
        var c1_0 = Vector8(), c1_1 = Vector8(), c1_2 = Vector8(), c1_3 = Vector8()
        var c2_0 = Vector8(), c2_1 = Vector8(), c2_2 = Vector8(), c2_3 = Vector8()
        let rs = layout.rowStride
        let o1 = 1 &* rs, o2 = 2 &* rs
        var aSegment = a
        var bSegment = b
        for _ in 0..<layout.segments {
            var ap = aSegment
            var bp = bSegment
            for _ in 0..<layout.segmentLength {
                let b0 = bp.vector8(0)
                let b1 = bp.vector8(8)
                let b2 = bp.vector8(16)
                let b3 = bp.vector8(24)
                let a0 = ap[0]
                c0_0.addProduct(a0, b0); c0_1.addProduct(a0, b1); c0_2.addProduct(a0, b2); c0_3.addProduct(a0, b3)
                let a1 = ap[o1]
                c1_0.addProduct(a1, b0); c1_1.addProduct(a1, b1); c1_2.addProduct(a1, b2); c1_3.addProduct(a1, b3)
                let a2 = ap[o2]
                c2_0.addProduct(a2, b0); c2_1.addProduct(a2, b1); c2_2.addProduct(a2, b2); c2_3.addProduct(a2, b3)
                ap += layout.depthStride
                bp += layout.bDepthStride
            }
            aSegment += layout.segmentStride
            bSegment += layout.bSegmentStride
        }
        if rows == 3 && columns == 32 {
            var row = c
            row.store8(c0_0, 0, accumulate: accumulate); row.store8(c0_1, 8, accumulate: accumulate); row.store8(c0_2, 16, accumulate: accumulate); row.store8(c0_3, 24, accumulate: accumulate)
            row += ldc
            row.store8(c1_0, 0, accumulate: accumulate); row.store8(c1_1, 8, accumulate: accumulate); row.store8(c1_2, 16, accumulate: accumulate); row.store8(c1_3, 24, accumulate: accumulate)
            row += ldc
            row.store8(c2_0, 0, accumulate: accumulate); row.store8(c2_1, 8, accumulate: accumulate); row.store8(c2_2, 16, accumulate: accumulate); row.store8(c2_3, 24, accumulate: accumulate)
        } else {
            var row = c
            row.storePartial(c0_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c0_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c0_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c0_3, 24, columns: columns &- 24, accumulate: accumulate)
            row += ldc
            guard rows > 1 else { return }
            row.storePartial(c1_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c1_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c1_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c1_3, 24, columns: columns &- 24, accumulate: accumulate)
            row += ldc
            guard rows > 2 else { return }
            row.storePartial(c2_0, 0, columns: columns &- 0, accumulate: accumulate)
            row.storePartial(c2_1, 8, columns: columns &- 8, accumulate: accumulate)
            row.storePartial(c2_2, 16, columns: columns &- 16, accumulate: accumulate)
            row.storePartial(c2_3, 24, columns: columns &- 24, accumulate: accumulate)
        }
    }
}
