/// The forward convolution as a direct convolution: the GEMM micro-kernels read the windows
/// straight out of a zero-padded copy of each image, with no im2col matrix.
///
/// In NHWC one filter row of a window, `(fy, fx = 0..<f, c = 0..<n_c)`, is `f · n_c` contiguous
/// floats of the padded image, and the windows of neighbouring output pixels in one output row
/// start `s · n_c` floats apart. That is exactly a `PanelLayout` with `f` segments, so each tile
/// of up to `mr` pixels of one output row × `nr` output channels is one micro-kernel call
/// against the packed weights (`W` as stored is the `f·f·n_c × n_c` right operand). Images are
/// split over threads; the packed weights are shared.
struct ConvForwardKernel {
    var geometry: ConvGeometry

    func run(
        batch m: Int, x: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
        bias: UnsafeBufferPointer<Float>?, z: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        if geometry.outChannels <= GEMM.NarrowKernel.nr {
            run(GEMM.NarrowKernel.self, batch: m, x: x, weights: weights, bias: bias, z: z, threads: threads)
        } else {
            run(GEMM.WideKernel.self, batch: m, x: x, weights: weights, bias: bias, z: z, threads: threads)
        }
    }

    private func run<K: MicroKernel>(
        _ kernel: K.Type, batch m: Int, x: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
        bias: UnsafeBufferPointer<Float>?, z: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        guard let xp = x.baseAddress, let wp = weights.baseAddress, let zp = z.baseAddress else { return }
        let g = geometry
        let n = g.outChannels, k = g.patchSize, nr = K.nr, mr = K.mr
        let panels = (n &+ nr &- 1) / nr
        let packed = UnsafeMutablePointer<Float>.allocate(capacity: panels &* k &* nr)
        defer { packed.deallocate() }
        GEMM.packB(.rowMajor(wp, ld: n), depth: 0..<k, columns: n, nr: nr, into: packed)

        let c = g.channels, s = g.stride
        let paddedRow = (g.width &+ 2 &* g.padding) &* c
        let layout = PanelLayout(
            rowStride: s &* c, depthStride: 1, segmentLength: g.filter &* c, segments: g.filter,
            segmentStride: paddedRow, packedB: nr)
        parallelFor(0..<m, threads: threads) { _, images in
            let padded = PaddedImage(g)
            defer { padded.deallocate() }
            for i in images {
                padded.load(xp + i &* g.imageSize)
                let zi = zp + i &* g.pixels &* n
                if let b = bias?.baseAddress {
                    for p in 0..<g.pixels { (zi + p &* n).initialize(from: b, count: n) }
                }
                for jp in 0..<panels {
                    let j0 = jp &* nr
                    let columns = min(nr, n &- j0)
                    let bPanel = UnsafePointer(packed + jp &* k &* nr)
                    for oy in 0..<g.outHeight {
                        let aRow = UnsafePointer(padded.base + oy &* s &* paddedRow)
                        let cRow = zi + (oy &* g.outWidth &* n &+ j0)
                        var ox = 0
                        while ox < g.outWidth {
                            K.run(
                                a: aRow + ox &* s &* c, layout, b: bPanel, c: cRow + ox &* n, ldc: n,
                                rows: min(mr, g.outWidth &- ox), columns: columns, accumulate: bias != nil)
                            ox &+= mr
                        }
                    }
                }
            }
        }
    }
}
