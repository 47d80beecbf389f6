/// A stride-1, unpadded convolution for few output channels (< 8), vectorised over pixels.
///
/// With few output channels a SIMD8 lane per channel would mostly idle, so a micro-kernel tile is
/// instead up to `mr` output channels × `nr` consecutive pixels of one output row. The filter is
/// the packed left operand; the source image is stored row-interleaved (`[Y][channel][X]`), so
/// every right-operand row is `nr` contiguous source floats and the depth `(fy, channel, fx)`
/// walks it with fixed strides (`PanelLayout`). Used for the forward pass at stride 1 and for the
/// input gradient (a stride-1 convolution of the dilated, re-padded `dZ`) when `n_c_prev < 8`.
struct PixelTiledConv {
    /// The convolution on the prepared source: stride 1, padding 0, `outHeight = height − f + 1`.
    var geometry: ConvGeometry

    /// Whether this path suits `outChannels` output channels.
    static func suits(outChannels: Int) -> Bool { outChannels < 8 }

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
        // The tile height that wastes the fewest kernel rows on `n_c` channels (ties: the kernel
        // with more accumulators per loaded vector).
        switch geometry.outChannels {
        case 1: run(Kernel1x32.self, m, filter, bias, output, threads, prepare)
        case 3: run(Kernel3x24.self, m, filter, bias, output, threads, prepare)
        case 5, 6: run(Kernel6x16.self, m, filter, bias, output, threads, prepare)
        default: run(Kernel2x32.self, m, filter, bias, output, threads, prepare)
        }
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
        defer { packed.deallocate() }
        let layout = PanelLayout(
            rowStride: 1, depthStride: mr, segmentLength: f, segments: f &* c, segmentStride: mr &* f,
            bDepthStride: 1, bSegmentStride: rowStride)
        parallelFor(0..<m, threads: threads) { _, images in
            let source = UnsafeMutablePointer<Float>.allocate(capacity: sourceCount)
            let tile = UnsafeMutablePointer<Float>.allocate(capacity: mr &* nr)
            defer {
                source.deallocate()
                tile.deallocate()
            }
            source.initialize(repeating: 0, count: sourceCount)
            for i in images {
                prepare(i, source, rowStride)
                let out = output + i &* g.pixels &* n
                for t in 0..<tiles {
                    let a = UnsafePointer(packed + t &* depth &* mr)
                    let rows = min(mr, n &- t &* mr)
                    for y in 0..<g.outHeight {
                        var x0 = 0
                        while x0 < w {
                            K.run(
                                a: a, layout, b: UnsafePointer(source + (y &* c &* rowStride &+ x0)), c: tile,
                                ldc: nr, rows: mr, columns: nr, accumulate: false)
                            let offset: Int = (y &* w &+ x0) &* n &+ t &* mr
                            store(tile, nr: nr, rows: rows, columns: min(nr, w &- x0), to: out + offset, ldc: n,
                                  bias: bias.map { $0 + t &* mr })
                            x0 &+= nr
                        }
                    }
                }
            }
        }
    }

    /// Writes a `rows × columns` channel-major tile into NHWC pixels `ldc` floats apart.
    private func store(
        _ tile: UnsafeMutablePointer<Float>, nr: Int, rows: Int, columns: Int,
        to dst: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?
    ) {
        for j in 0..<columns {
            let pixel = dst + j &* ldc
            for r in 0..<rows { pixel[r] = tile[r &* nr &+ j] + (bias?[r] ?? 0) }
        }
    }

    /// The filter as packed left operands: tile `t` holds output channels `t·mr ..< t·mr + mr`
    /// (zero past the last) with depth order `(fy, channel, fx)`, at
    /// `t·depth·mr + ((fy·n_c + channel)·f + fx)·mr + r`.
    private func packFilter(_ filter: (Int, Int, Int, Int) -> Float, mr: Int, tiles: Int) -> UnsafeMutablePointer<Float> {
        let g = geometry
        let f = g.filter, c = g.channels
        let depth = f &* f &* c
        let count = tiles &* depth &* mr
        let packed = UnsafeMutablePointer<Float>.allocate(capacity: count)
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
