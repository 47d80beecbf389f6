import ConvKernelABI

/// A read-only matrix seen through strides: element `(i, j)` is `base[i * rowStride + j * columnStride]`.
///
/// Transposing is swapping the strides, so a caller can multiply by a transpose without
/// copying it first (the packing step reads either layout).
struct MatrixView {
    var base: UnsafePointer<Float>
    var rowStride: Int
    var columnStride: Int

    /// A row-major matrix with `ld` elements between rows.
    static func rowMajor(_ base: UnsafePointer<Float>, ld: Int) -> MatrixView {
        MatrixView(base: base, rowStride: ld, columnStride: 1)
    }

    /// The transpose of this matrix (no copy).
    var transposed: MatrixView {
        MatrixView(base: base, rowStride: columnStride, columnStride: rowStride)
    }
}

/// Single-precision matrix multiply `C = A · B` or `C += A · B`, cache-blocked and packed, for
/// the dense (fully connected) layers; the convolutions call the same micro-kernels directly on
/// the padded image (`ConvForwardKernel`). The packing buffers come from `ScratchPool`.
///
/// Goto/BLIS structure: the depth is cut into `kcBlock` slices; for each slice B is packed into
/// `nr`-wide row panels (which stay in L1) and A, `mcBlock` rows at a time, into `mr`-tall
/// column panels (which stay in L2); a `MicroKernel` then produces each `mr × nr` tile of C.
/// Edge tiles are stored lane by lane, so any size works. The kernel is picked by the width
/// of C: the kernel family's `Narrow` tile up to its `nr` columns, its `Wide` tile above.
enum GEMM {
    static let kcBlock = 256
    static let mcBlock = 144

    /// `C[m × n] (+)= A[m × k] · B[k × n]`; C is row-major with `ldc` elements between rows.
    /// With `accumulate == false` C is overwritten (and may hold garbage on entry).
    static func multiply(
        m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate {
                for i in 0..<m { (c + i &* ldc).initialize(repeating: 0, count: n) }
            }
            return
        }
        KernelSet.withFamily(Blocked(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate))
    }

    /// `multiply` on the family in use.
    private struct Blocked: FamilyGeneric {
        let m: Int, n: Int, k: Int
        let a: MatrixView, b: MatrixView
        let c: UnsafeMutablePointer<Float>, ldc: Int
        let accumulate: Bool

        func run<F: KernelFamily>(_ family: F.Type) {
            if n <= F.Narrow.nr {
                GEMM.blocked(F.Narrow.self, m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
            } else {
                GEMM.blocked(F.Wide.self, m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
            }
        }
    }

    fileprivate static func blocked<K: MicroKernel>(
        _ kernel: K.Type, m: Int, n: Int, k: Int, a: MatrixView, b: MatrixView,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        let mr = K.mr, nr = K.nr
        let panels = (n &+ nr &- 1) / nr
        let depth = min(kcBlock, k), rows = (min(mcBlock, m) &+ mr &- 1) / mr &* mr
        let bp = ScratchPool.take(panels &* depth &* nr)
        let ap = ScratchPool.take(rows &* depth)
        defer {
            ScratchPool.give(bp, count: panels &* depth &* nr)
            ScratchPool.give(ap, count: rows &* depth)
        }
        for pc in stride(from: 0, to: k, by: kcBlock) {
            let kc = min(kcBlock, k &- pc)
            let addToC = accumulate || pc > 0
            packB(b, depth: pc..<(pc &+ kc), columns: n, nr: nr, into: bp)
            for ic in stride(from: 0, to: m, by: mcBlock) {
                let mc = min(mcBlock, m &- ic)
                packA(a, rows: ic..<(ic &+ mc), depth: pc..<(pc &+ kc), mr: mr, into: ap)
                let layout = PanelLayout.packed(mr: mr, nr: nr, depth: kc)
                for jp in 0..<panels {
                    let j0 = jp &* nr
                    let cols = min(nr, n &- j0)
                    let bPanel = UnsafePointer(bp + jp &* kc &* nr)
                    var ir = 0
                    var aPanel = UnsafePointer(ap)
                    while ir < mc {
                        K.run(
                            a: aPanel, layout, b: bPanel, c: c + ((ic &+ ir) &* ldc &+ j0), ldc: ldc,
                            rows: min(mr, mc &- ir), columns: cols, accumulate: addToC)
                        ir &+= mr
                        aPanel += mr &* kc
                    }
                }
            }
        }
    }

    /// Packs `B[depth, 0..<columns]` into `nr`-wide panels: panel `p` holds `(d, j)` at
    /// `p * kc * nr + d * nr + j`, with zeros past the last column.
    static func packB(_ b: MatrixView, depth: Range<Int>, columns: Int, nr: Int, into out: UnsafeMutablePointer<Float>) {
        let kc = depth.count
        var dst = out
        for j0 in stride(from: 0, to: columns, by: nr) {
            let cols = min(nr, columns &- j0)
            if b.columnStride == 1 {
                for d in 0..<kc {
                    let src = b.base + ((depth.lowerBound &+ d) &* b.rowStride &+ j0)
                    let row = dst + d &* nr
                    for j in 0..<cols { row[j] = src[j] }
                    for j in cols..<nr { row[j] = 0 }
                }
            } else {
                for d in 0..<kc {
                    let row = dst + d &* nr
                    for j in cols..<nr { row[j] = 0 }
                }
                for j in 0..<cols {
                    let src = b.base + (depth.lowerBound &* b.rowStride &+ (j0 &+ j) &* b.columnStride)
                    for d in 0..<kc { dst[d &* nr &+ j] = src[d &* b.rowStride] }
                }
            }
            dst += kc &* nr
        }
    }

    /// Packs `A[rows, depth]` into `mr`-tall column-major panels: panel `p` holds `(r, d)` at
    /// `p * mr * kc + d * mr + r`, with zero rows past the last one.
    private static func packA(_ a: MatrixView, rows: Range<Int>, depth: Range<Int>, mr: Int, into out: UnsafeMutablePointer<Float>) {
        let kc = depth.count
        var dst = out
        for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mr) {
            let count = min(mr, rows.upperBound &- i0)
            for r in 0..<count {
                let src = a.base + ((i0 &+ r) &* a.rowStride &+ depth.lowerBound &* a.columnStride)
                for d in 0..<kc { dst[d &* mr &+ r] = src[d &* a.columnStride] }
            }
            if count < mr {
                for d in 0..<kc {
                    for r in count..<mr { dst[d &* mr &+ r] = 0 }
                }
            }
            dst += mr &* kc
        }
    }
}
