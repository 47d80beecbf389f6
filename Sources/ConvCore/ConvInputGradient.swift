/// `dA` of a convolution with few input channels (`n_c_prev < 8`), vectorised over pixels.
///
/// Same maths as the channel-vectorised path in `ConvBackwardKernel` — a stride-1 convolution of
/// `E` (dZ dilated by the stride and re-padded) with the rotated filter — but with `n_c_prev`
/// output channels a SIMD8 lane per channel would mostly idle. Here a micro-kernel tile is up to
/// `mr` input channels × `nr` consecutive pixels of one row of `dA`: the rotated weights are the
/// packed left operand, and `E` is stored row-interleaved (`[Y][n][X]`) so every right-operand row
/// is `nr` contiguous floats of `E` and the depth `(gy, n, gx)` walks it with fixed strides.
struct ConvInputGradientByPixels {
    var geometry: ConvGeometry

    /// Whether this path suits `geometry` (otherwise use the channel-vectorised one).
    static func suits(_ geometry: ConvGeometry) -> Bool { geometry.channels < 8 }

    /// Overwrites `dA` with the input gradient for upstream `dZ`.
    func run(
        batch m: Int, dZ: UnsafePointer<Float>, weights: UnsafePointer<Float>,
        dA: UnsafeMutablePointer<Float>, threads: Int
    ) {
        switch geometry.channels {
        case 1: run(Kernel1x32.self, batch: m, dZ: dZ, weights: weights, dA: dA, threads: threads)
        case 2: run(Kernel2x32.self, batch: m, dZ: dZ, weights: weights, dA: dA, threads: threads)
        default: run(Kernel3x32.self, batch: m, dZ: dZ, weights: weights, dA: dA, threads: threads)
        }
    }

    private func run<K: MicroKernel>(
        _ kernel: K.Type, batch m: Int, dZ: UnsafePointer<Float>, weights: UnsafePointer<Float>,
        dA: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let g = geometry
        let f = g.filter, n = g.outChannels, c = g.channels, w = g.width
        let mr = K.mr, nr = K.nr
        let eHeight = g.height &+ f &- 1
        let eWidth = w &+ f &- 1
        let eStride = (w &+ nr &- 1) / nr &* nr &+ f  // ≥ eWidth, and the last tile's reads fit
        let eCount = eHeight &* n &* eStride
        let depth = f &* f &* n
        let tiles = (c &+ mr &- 1) / mr
        let packed = packRotatedWeights(weights, mr: mr, tiles: tiles)
        defer { packed.deallocate() }
        let layout = PanelLayout(
            rowStride: 1, depthStride: mr, segmentLength: f, segments: f &* n, segmentStride: mr &* f,
            bDepthStride: 1, bSegmentStride: eStride)
        let shift = f &- 1 &- g.padding
        parallelFor(0..<m, threads: threads) { _, images in
            // Zeros stay where no dZ lands, the same cells for every image, so E is zeroed once.
            let e = UnsafeMutablePointer<Float>.allocate(capacity: eCount)
            let tile = UnsafeMutablePointer<Float>.allocate(capacity: mr &* nr)
            defer {
                e.deallocate()
                tile.deallocate()
            }
            e.initialize(repeating: 0, count: eCount)
            for i in images {
                let dzi = dZ + i &* g.pixels &* n
                for oy in 0..<g.outHeight {
                    let y = oy &* g.stride &+ shift
                    guard y >= 0, y < eHeight else { continue }
                    for ox in 0..<g.outWidth {
                        let x = ox &* g.stride &+ shift
                        guard x >= 0, x < eWidth else { continue }
                        let src = dzi + (oy &* g.outWidth &+ ox) &* n
                        for o in 0..<n { e[(y &* n &+ o) &* eStride &+ x] = src[o] }
                    }
                }
                let dAi = dA + i &* g.imageSize
                for t in 0..<tiles {
                    let a = UnsafePointer(packed + t &* depth &* mr)
                    let rows = min(mr, c &- t &* mr)
                    for y in 0..<g.height {
                        var x0 = 0
                        while x0 < w {
                            K.run(
                                a: a, layout, b: UnsafePointer(e + (y &* n &* eStride &+ x0)), c: tile, ldc: nr,
                                rows: mr, columns: nr, accumulate: false)
                            let offset: Int = (y &* w &+ x0) &* c &+ t &* mr
                            let dst = dAi + offset
                            for j in 0..<min(nr, w &- x0) {
                                for r in 0..<rows { dst[j &* c &+ r] = tile[r &* nr &+ j] }
                            }
                            x0 &+= nr
                        }
                    }
                }
            }
        }
    }

    /// The rotated filter `W'[gy, gx, n, c] = W[f−1−gy, f−1−gx, c, n]` as packed left operands:
    /// tile `t` holds channels `t·mr ..< t·mr + mr` (zero past `n_c_prev`) with depth order
    /// `(gy, n, gx)` at `t·depth·mr + ((gy·n_c + n)·f + gx)·mr + r`.
    private func packRotatedWeights(_ w: UnsafePointer<Float>, mr: Int, tiles: Int) -> UnsafeMutablePointer<Float> {
        let g = geometry
        let f = g.filter, n = g.outChannels, c = g.channels
        let depth = f &* f &* n
        let count = tiles &* depth &* mr
        let packed = UnsafeMutablePointer<Float>.allocate(capacity: count)
        packed.initialize(repeating: 0, count: count)
        for ch in 0..<c {
            let t = ch / mr, r = ch % mr
            for gy in 0..<f {
                for o in 0..<n {
                    for gx in 0..<f {
                        let src = ((f &- 1 &- gy) &* f &+ (f &- 1 &- gx)) &* c &* n &+ ch &* n &+ o
                        packed[t &* depth &* mr &+ ((gy &* n &+ o) &* f &+ gx) &* mr &+ r] = w[src]
                    }
                }
            }
        }
        return packed
    }
}
