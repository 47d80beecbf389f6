/// The backward convolution of a batch, image by image:
/// `dW += col_iᵀ · dZ_i`, `dA_i = col2im(dZ_i · Wᵀ)`, `db += Σ_pixels dZ_i`.
///
/// Each thread sums `dW` and `db` over its own images in private buffers; the partial sums are
/// added in thread order afterwards, so a given thread count always gives the same result.
struct ConvBackwardKernel {
    var geometry: ConvGeometry

    /// `dA` must be zeroed by the caller; `dW` and `db` are overwritten.
    func run(
        batch m: Int, dZ: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>,
        weights: UnsafeBufferPointer<Float>, dA: UnsafeMutableBufferPointer<Float>,
        dW: UnsafeMutableBufferPointer<Float>, db: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        guard let dzp = dZ.baseAddress, let xp = x.baseAddress, let wp = weights.baseAddress,
              let dap = dA.baseAddress, let dwp = dW.baseAddress, let dbp = db.baseAddress
        else { return }
        let g = geometry
        let pixels = g.pixels, k = g.patchSize, n = g.outChannels
        let ld = GEMM.rowPadding(pixels)
        let parts = parallelParts(m, threads: threads)
        let partialSize = k &* n &+ n  // dW then db, per part
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: parts &* partialSize)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: parts &* partialSize)
        let wT = MatrixView.rowMajor(wp, ld: n).transposed
        parallelFor(0..<m, threads: threads) { part, images in
            let workspace = GEMMWorkspace()
            let cols = UnsafeMutablePointer<Float>.allocate(capacity: k &* ld)
            let dCols = UnsafeMutablePointer<Float>.allocate(capacity: pixels &* k)
            defer {
                cols.deallocate()
                dCols.deallocate()
            }
            let dWPart = partials + part &* partialSize
            let dbPart = dWPart + k &* n
            for i in images {
                let dzi = UnsafePointer(dzp + i &* pixels &* n)
                Im2Col.patchesTransposed(image: xp + i &* g.imageSize, g, into: cols, ld: ld)
                GEMM.multiply(
                    m: k, n: n, k: pixels, a: .strided(.rowMajor(cols, ld: ld)), b: .rowMajor(dzi, ld: n),
                    c: dWPart, ldc: n, accumulate: true, workspace: workspace)
                GEMM.multiply(
                    m: pixels, n: k, k: n, a: .strided(.rowMajor(dzi, ld: n)), b: wT,
                    c: dCols, ldc: k, accumulate: false, workspace: workspace)
                Im2Col.addPatches(dCols, g, into: dap + i &* g.imageSize)
                for p in 0..<pixels {
                    let row = dzi + p &* n
                    for c in 0..<n { dbPart[c] += row[c] }
                }
            }
        }
        dwp.initialize(from: partials, count: k &* n)
        dbp.initialize(from: partials + k &* n, count: n)
        for part in 1..<max(parts, 1) {
            let src = partials + part &* partialSize
            for j in 0..<(k &* n) { dwp[j] += src[j] }
            for c in 0..<n { dbp[c] += src[k &* n &+ c] }
        }
    }
}
