/// The weight and bias gradients with the output channels as the tile rows, for few output
/// channels: `dWᵀ[n, (fy, fx, c)] = Σ_pixels dZ[p, n] · window(p)[(fy, fx, c)]`.
///
/// `ConvBackwardKernel`'s own tiling puts `n_c` in the SIMD lanes, which idles most of them when
/// `n_c` is 6; here a tile is up to `mr` output channels × `nr` consecutive entries `(fx, c)` of
/// one filter row `fy` (contiguous in the padded image), the depth walks the output pixels, and
/// the A operand is `dZ` of the image with its channels padded to whole tiles. Each thread sums
/// `dWᵀ` and `db` over its own images; the partial sums are added in thread order and transposed
/// at the end, so a given thread count always gives the same result.
struct ChannelTiledWeightGradient {
    var geometry: ConvGeometry

    /// The micro-kernels this path can use: `mr` output channels × `nr` filter entries per tile.
    private static let kernels: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self,
    ]

    /// The kernel for these sizes and the fraction of its lanes that do useful work, to compare
    /// with the tiling that puts `n_c` in the lanes.
    static func kernel(for g: ConvGeometry) -> (kernel: any MicroKernel.Type, efficiency: Double) {
        let run = g.filter &* g.channels
        func efficiency(_ k: any MicroKernel.Type) -> Double {
            tileEfficiency(g.outChannels, k.mr) * tileEfficiency(run, k.nr)
        }
        var best: any MicroKernel.Type = Kernel6x16.self
        for k in kernels where efficiency(k) > efficiency(best) { best = k }
        return (best, efficiency(best))
    }

    /// `dW` (`f·f·n_c × n_c'`) and `db` are overwritten.
    func run(
        batch m: Int, dZ: UnsafePointer<Float>, x: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>,
        db: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let kernel = ChannelTiledWeightGradient.kernel(for: geometry).kernel
        run(kernel, m, dZ, x, dW, db, threads)
    }

    private func run<K: MicroKernel>(
        _ kernel: K.Type, _ m: Int, _ dzp: UnsafePointer<Float>, _ xp: UnsafePointer<Float>,
        _ dwp: UnsafeMutablePointer<Float>, _ dbp: UnsafeMutablePointer<Float>, _ threads: Int
    ) {
        let g = geometry
        let pixels = g.pixels, k = g.patchSize, n = g.outChannels
        let mr = K.mr, nr = K.nr
        let tiles = (n &+ mr &- 1) / mr
        let paddedN = tiles &* mr
        let run = g.filter &* g.channels  // contiguous entries (fx, c) of one filter row
        let parts = parallelParts(m, threads: threads)
        let partialSize = paddedN &* k &+ n  // dWᵀ (rows past n_c unused) then db, per part
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: parts &* partialSize)
        defer { partials.deallocate() }
        partials.initialize(repeating: 0, count: parts &* partialSize)
        parallelFor(0..<m, threads: threads) { part, images in
            let padded = PaddedImage(g)
            let channels = UnsafeMutablePointer<Float>.allocate(capacity: pixels &* paddedN)
            defer {
                padded.deallocate()
                channels.deallocate()
            }
            channels.initialize(repeating: 0, count: pixels &* paddedN)
            let layout = PanelLayout(
                rowStride: 1, depthStride: paddedN, segmentLength: g.outWidth, segments: g.outHeight,
                segmentStride: g.outWidth &* paddedN, bDepthStride: g.stride &* g.channels,
                bSegmentStride: g.stride &* padded.rowStride)
            let dWPart = partials + part &* partialSize
            let dbPart = dWPart + paddedN &* k
            for i in images {
                let dzi = dzp + i &* pixels &* n
                padded.load(xp + i &* g.imageSize)
                for p in 0..<pixels {
                    (channels + p &* paddedN).update(from: dzi + p &* n, count: n)
                    for o in 0..<n { dbPart[o] += dzi[p &* n &+ o] }
                }
                for t in 0..<tiles {
                    let a = UnsafePointer(channels + t &* mr)
                    for fy in 0..<g.filter {
                        var j = 0
                        while j < run {
                            K.run(
                                a: a, layout, b: UnsafePointer(padded.base + (fy &* padded.rowStride &+ j)),
                                c: dWPart + (t &* mr &* k &+ fy &* run &+ j), ldc: k,
                                rows: mr, columns: min(nr, run &- j), accumulate: true)
                            j &+= nr
                        }
                    }
                }
            }
        }
        for part in 1..<max(parts, 1) {
            let src = partials + part &* partialSize
            for j in 0..<partialSize { partials[j] += src[j] }
        }
        for e in 0..<k {
            for o in 0..<n { dwp[e &* n &+ o] = partials[o &* k &+ e] }
        }
        dbp.update(from: partials + paddedN &* k, count: n)
    }
}

/// The fraction of `ceil(count / tile) · tile` lanes that hold one of `count` items.
func tileEfficiency(_ count: Int, _ tile: Int) -> Double {
    Double(count) / Double((count &+ tile &- 1) / tile &* tile)
}
