/// A stride-1, unpadded convolution for few output channels (≤ 8), vectorised over pixels.
///
/// With few output channels a SIMD8 lane per channel would mostly idle, so a micro-kernel tile is
/// instead up to `mr` output channels × `nr` consecutive pixels of one output row. The filter is
/// the packed left operand; the source image is stored row-interleaved (`[Y][channel][X]`), so
/// every right-operand row is `nr` contiguous source floats and the depth `(fy, channel, fx)`
/// walks it with fixed strides (`PanelLayout`). Used for the forward pass at stride 1 and for the
/// input gradient (a stride-1 convolution of the dilated, re-padded `dZ`) when `n_c_prev ≤ 8`.
///
/// With 8 channels this also beats the channel-vectorised direct path: its A operand is then
/// the packed filter (fixed offsets), while the direct path's 12 strided broadcasts per step
/// compile to a serial chain of address additions.
struct PixelTiledConv {
    /// The convolution on the prepared source: stride 1, padding 0, `outHeight = height − f + 1`.
    var geometry: ConvGeometry

    /// Whether this path suits `outChannels` output channels.
    static func suits(outChannels: Int) -> Bool { outChannels <= 8 }

    /// Computes the batch into `output` (NHWC, overwritten).
    /// - Parameters:
    ///   - filter: the weight for `(fy, fx, sourceChannel, outChannel)`.
    ///   - bias: added to every output pixel, or nil.
    ///   - prepare: writes image `i`'s source into a `[Y][channel][X]` buffer whose rows are
    ///     `rowStride` floats apart. The buffer is zeroed once per thread, so `prepare` must write
    ///     the same cells for every image (zeros elsewhere survive).
    func run(
        batch m: Int, filter: (Int, Int, Int, Int) -> Float, bias: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, threads: Int,
        prepare: (_ image: Int, _ source: UnsafeMutablePointer<Float>, _ rowStride: Int) -> Void
    ) {
        let kernel = PixelTiledConv.kernel(outChannels: geometry.outChannels, outWidth: geometry.outWidth)
        run(kernel, m, filter, bias, output, threads, prepare)
    }

    /// The micro-kernels this path can use: `mr` output channels × `nr` pixels per tile.
    private static let kernels: [any MicroKernel.Type] = [
        Kernel6x16.self, Kernel4x16.self, Kernel2x32.self, Kernel3x24.self, Kernel1x32.self,
    ]

    /// The kernel that computes the fewest dropped lanes for `n` channels × `w` pixels per row,
    /// counting a kernel with fewer than 8 accumulators as proportionally slower (each FMA chain
    /// waits for the previous one: 4 cycles latency, 2 FMA pipes). Ties go to the larger tile.
    static func kernel(outChannels n: Int, outWidth w: Int) -> any MicroKernel.Type {
        func score(_ k: any MicroKernel.Type) -> Double {
            let rows = Double(n) / Double((n &+ k.mr &- 1) / k.mr &* k.mr)
            let columns = Double(w) / Double((w &+ k.nr &- 1) / k.nr &* k.nr)
            return rows * columns * Double(min(k.mr &* k.nr / 8, 8)) / 8
        }
        var best: any MicroKernel.Type = Kernel6x16.self
        for k in kernels where score(k) > score(best) { best = k }
        return best
    }

    private func run<K: MicroKernel>(
        _ kernel: K.Type, _ m: Int, _ filter: (Int, Int, Int, Int) -> Float, _ bias: UnsafePointer<Float>?,
        _ output: UnsafeMutablePointer<Float>, _ threads: Int,
        _ prepare: (Int, UnsafeMutablePointer<Float>, Int) -> Void
    ) {
        let g = geometry
        let f = g.filter, c = g.channels, n = g.outChannels, w = g.outWidth
        let mr = K.mr, nr = K.nr
        let rowStride = (w &+ nr &- 1) / nr &* nr &+ f  // ≥ source width; the last tile's reads fit
        let sourceCount = g.height &* c &* rowStride
        let depth = f &* f &* c
        let tiles = (n &+ mr &- 1) / mr
        let packed = packFilter(filter, mr: mr, tiles: tiles)
        defer { ScratchPool.give(packed, count: tiles &* depth &* mr) }
        let layout = PanelLayout(
            rowStride: 1, depthStride: mr, segmentLength: f, segments: f &* c, segmentStride: mr &* f,
            bDepthStride: 1, bSegmentStride: rowStride)
        // The kernels write whole tiles into channel planes (`[channel][y][x]`, rows `planeWidth`
        // floats apart, slack columns and channels past `n_c` dropped), which `scatter` then turns
        // into NHWC: transposing tile by tile through a scratch tile cost more than the FMAs.
        let planeWidth = (w &+ nr &- 1) / nr &* nr
        let planeSize = g.outHeight &* planeWidth
        parallelFor(0..<m, threads: threads) { _, images in
            let source = ScratchPool.take(sourceCount)
            let planes = ScratchPool.take(tiles &* mr &* planeSize)
            defer {
                ScratchPool.give(source, count: sourceCount)
                ScratchPool.give(planes, count: tiles &* mr &* planeSize)
            }
            source.initialize(repeating: 0, count: sourceCount)
            for i in images {
                prepare(i, source, rowStride)
                for t in 0..<tiles {
                    let a = UnsafePointer(packed + t &* depth &* mr)
                    let tilePlanes = planes + t &* mr &* planeSize
                    for y in 0..<g.outHeight {
                        var x0 = 0
                        while x0 < w {
                            K.run(
                                a: a, layout, b: UnsafePointer(source + (y &* c &* rowStride &+ x0)),
                                c: tilePlanes + (y &* planeWidth &+ x0), ldc: planeSize, rows: mr, columns: nr,
                                accumulate: false)
                            x0 &+= nr
                        }
                    }
                }
                scatter(planes, planeWidth: planeWidth, to: output + i &* g.pixels &* n, bias: bias)
            }
        }
    }

    /// Writes the first `n_c` channel planes (`[channel][y][x]`, rows `planeWidth` floats apart)
    /// as NHWC pixels, adding the bias.
    private func scatter(
        _ planes: UnsafeMutablePointer<Float>, planeWidth: Int, to out: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>?
    ) {
        let g = geometry
        let n = g.outChannels, w = g.outWidth
        for ch in 0..<n {
            let b = bias?[ch] ?? 0
            for y in 0..<g.outHeight {
                let src = planes + (ch &* g.outHeight &+ y) &* planeWidth
                let dst = out + (y &* w &* n &+ ch)
                for x in 0..<w { dst[x &* n] = src[x] + b }
            }
        }
    }

    /// The filter as packed left operands: tile `t` holds output channels `t·mr ..< t·mr + mr`
    /// (zero past the last) with depth order `(fy, channel, fx)`, at
    /// `t·depth·mr + ((fy·n_c + channel)·f + fx)·mr + r`; from `ScratchPool` (`tiles·depth·mr` floats).
    private func packFilter(_ filter: (Int, Int, Int, Int) -> Float, mr: Int, tiles: Int) -> UnsafeMutablePointer<Float> {
        let g = geometry
        let f = g.filter, c = g.channels
        let depth = f &* f &* c
        let count = tiles &* depth &* mr
        let packed = ScratchPool.take(count)
        packed.initialize(repeating: 0, count: count)
        for o in 0..<g.outChannels {
            let t = o / mr, r = o % mr
            for fy in 0..<f {
                for ch in 0..<c {
                    for fx in 0..<f {
                        packed[t &* depth &* mr &+ ((fy &* c &+ ch) &* f &+ fx) &* mr &+ r] = filter(fy, fx, ch, o)
                    }
                }
            }
        }
        return packed
    }
}
