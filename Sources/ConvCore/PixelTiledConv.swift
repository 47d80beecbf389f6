import ConvKernelABI

/// A stride-1, unpadded convolution for few output channels (≤ 8), vectorised over pixels.
///
/// With few output channels a vector lane per channel would mostly idle, so a micro-kernel tile is
/// instead up to `mr` output channels × `nr` consecutive pixels of one output row. The filter is
/// the packed left operand; the source image is stored row-interleaved (`[Y][channel][X]`), so
/// every right-operand row is `nr` contiguous source floats and the depth `(fy, channel, fx)`
/// walks it with fixed strides (`PanelLayout`). Used for the forward pass at stride 1 and for the
/// input gradient (a stride-1 convolution of the dilated, re-padded `dZ`) when `n_c_prev ≤ 8`.
///
/// With 8 channels this also beats the channel-vectorised direct path: its A operand is then
/// the packed filter (fixed offsets), while the direct path's 12 strided broadcasts per step
/// compile to a serial chain of address additions.
///
/// With fewer output channels than a tile has rows (one, for the input gradient of a
/// one-channel image), `R` consecutive output rows are stacked as extra tile rows: row `r` of a
/// stack is output channel `o` of output row `y + r` for virtual channel `v = r·n_c + o`, whose
/// filter is `o`'s shifted down by `r` rows within `f + R − 1` filter rows (zeros elsewhere).
/// The depth grows by `(f + R − 1)/f`, but far fewer lanes are dropped than with one channel
/// in a tile of 2 or 4.
struct PixelTiledConv {
    /// The convolution on the prepared source: stride 1, padding 0, `outHeight = height − f + 1`.
    var geometry: ConvGeometry

    /// Whether this path suits `outChannels` output channels.
    static func suits(outChannels: Int) -> Bool { outChannels <= 8 }

    /// Computes the batch into `output` (NHWC, overwritten).
    /// - Parameters:
    ///   - filter: the weight for `(fy, fx, sourceChannel, outChannel)`.
    ///   - bias: added to every output pixel, or nil.
    ///   - source: writes each image into the thread's `[Y][channel][X]` buffer.
    func run<Source: InterleavedImageSource>(
        batch m: Int, filter: (Int, Int, Int, Int) -> Float, bias: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>, threads: Int, source: Source
    ) {
        let g = geometry
        let f = g.filter, c = g.channels, n = g.outChannels, w = g.outWidth
        let (kernel, stack) = PixelTiledConv.plan(outChannels: n, outWidth: w, outHeight: g.outHeight, filter: f)
        let depth = (f &+ stack &- 1) &* f &* c  // a virtual channel has `f + stack − 1` filter rows
        let tiles = (n &* stack &+ kernel.mr &- 1) / kernel.mr
        let packed = packFilter(filter, mr: kernel.mr, tiles: tiles, stack: stack)
        defer { ScratchPool.give(packed, count: tiles &* depth &* kernel.mr) }
        let work = PixelTiles(
            conv: self, stack: stack, tiles: tiles, depth: depth, packed: packed, source: source, bias: bias,
            output: output, batch: m, threads: threads)
        KernelSet.dispatch(kernel, work)
    }

    /// The kernel of the family's `pixelTiled` and row stack `R` that compute the fewest dropped
    /// lanes (or zero filter rows) for `n` channels × `w` pixels per row, counting a kernel with
    /// fewer accumulators than `KernelSet.latencyChains` as proportionally slower (each FMA chain
    /// waits for the previous one). Stacks only fill tile rows that one channel set leaves idle (`R·n ≤ mr`).
    /// Ties go to the smaller stack, then to the earlier kernel: a stack costs more packing and
    /// source rows than the lanes show, which decided the lecture's 6×6 input gradient (1 µs of
    /// 5 when it was stacked).
    static func plan(outChannels n: Int, outWidth w: Int, outHeight h: Int, filter f: Int)
        -> (kernel: any MicroKernel.Type, stack: Int)
    {
        let family = KernelSet.current.family
        func score(_ k: any MicroKernel.Type, _ stack: Int) -> Double {
            let virtual = n &* stack
            let rows = Double(virtual) / Double((virtual &+ k.mr &- 1) / k.mr &* k.mr)
            let columns = Double(w) / Double((w &+ k.nr &- 1) / k.nr &* k.nr)
            let depth = Double(f) / Double(f &+ stack &- 1)
            let height = Double(h) / Double((h &+ stack &- 1) / stack &* stack)
            let chains = min(k.mr &* k.nr / family.lanes, KernelSet.latencyChains)
            return rows * columns * depth * height * Double(chains) / Double(KernelSet.latencyChains)
        }
        let kernels = family.pixelTiled
        var best: (kernel: any MicroKernel.Type, stack: Int) = (kernels[0], 1)
        var bestScore = score(kernels[0], 1)
        for i in kernels.indices {  // indices, not the iterator: no allocation in debug builds
            let k = kernels[i]
            var stack = 1
            while stack == 1 || n &* stack <= k.mr {
                let sc = score(k, stack)
                if sc > bestScore + 1e-9 || (sc > bestScore - 1e-9 && stack < best.stack) {
                    (best, bestScore) = ((k, stack), sc)
                }
                stack &+= 1
            }
        }
        return best
    }

    /// Writes the first `n_c · stack` virtual-channel planes (`[v][stack][x]`, rows `planeWidth`
    /// floats apart; `v = r·n_c + o` is channel `o` of output row `stack·ys + r`) as NHWC pixels,
    /// adding the bias. With 8 channels pixel by pixel, each pixel's channels gathered from the
    /// 8 planes into one vector store; otherwise plane by plane (strided stores).
    fileprivate func scatter(
        _ planes: UnsafeMutablePointer<Float>, stack: Int, planeWidth: Int, to out: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>?
    ) {
        let g = geometry
        let n = g.outChannels, w = g.outWidth
        let stacks = (g.outHeight &+ stack &- 1) / stack
        if n == 8 {
            let cs = stacks &* planeWidth  // between the planes of consecutive channels
            let b8 = bias.map { $0.vector8(0) } ?? Vector8()
            for y in 0..<g.outHeight {
                let (ys, r) = y.quotientAndRemainder(dividingBy: stack)
                let src = UnsafePointer(planes + (r &* 8 &* stacks &+ ys) &* planeWidth)
                let dst = out + y &* w &* 8
                for x in 0..<w {
                    let v = Vector8(
                        src[x], src[cs &+ x], src[2 &* cs &+ x], src[3 &* cs &+ x],
                        src[4 &* cs &+ x], src[5 &* cs &+ x], src[6 &* cs &+ x], src[7 &* cs &+ x])
                    UnsafeMutableRawPointer(dst + x &* 8).storeBytes(of: v + b8, as: Vector8.self)
                }
            }
            return
        }
        for v in 0..<(n &* stack) {
            let (r, ch) = v.quotientAndRemainder(dividingBy: n)
            let b = bias?[ch] ?? 0
            for ys in 0..<stacks {
                let y = ys &* stack &+ r
                guard y < g.outHeight else { break }
                let src = planes + (v &* stacks &+ ys) &* planeWidth
                let dst = out + (y &* w &* n &+ ch)
                for x in 0..<w { dst[x &* n] = src[x] + b }
            }
        }
    }

    /// The filter as packed left operands: tile `t` holds virtual channels `t·mr ..< t·mr + mr`
    /// (zero past the last), `v = r·n_c + o` being channel `o` shifted down `r` filter rows, with
    /// depth order `(fy, channel, fx)` over `f + stack − 1` filter rows, at
    /// `t·depth·mr + ((fy·n_c + channel)·f + fx)·mr + v mod mr`; from `ScratchPool`
    /// (`tiles·depth·mr` floats).
    private func packFilter(
        _ filter: (Int, Int, Int, Int) -> Float, mr: Int, tiles: Int, stack: Int
    ) -> UnsafeMutablePointer<Float> {
        let g = geometry
        let f = g.filter, c = g.channels, n = g.outChannels
        let depth = (f &+ stack &- 1) &* f &* c
        let count = tiles &* depth &* mr
        let packed = ScratchPool.take(count)
        packed.initialize(repeating: 0, count: count)
        for v in 0..<(n &* stack) {
            let (shift, o) = v.quotientAndRemainder(dividingBy: n)
            let t = v / mr, r = v % mr
            for fy in 0..<f {
                for ch in 0..<c {
                    for fx in 0..<f {
                        let e = (((fy &+ shift) &* c &+ ch) &* f &+ fx) &* mr &+ r
                        packed[t &* depth &* mr &+ e] = filter(fy, fx, ch, o)
                    }
                }
            }
        }
        return packed
    }
}

/// Writes image `i` into a thread's `[Y][channel][X]` source buffer for `PixelTiledConv`, rows
/// `rowStride` floats apart. The buffer is zeroed once per thread, so every image must write
/// the same cells (zeros elsewhere survive).
protocol InterleavedImageSource {
    func write(image i: Int, into source: UnsafeMutablePointer<Float>, rowStride: Int)
}

/// `PixelTiledConv` with its kernel chosen: whole images from a `parallelFor` queue, each
/// written into the thread's source buffer, computed tile by tile into virtual-channel planes
/// and scattered to NHWC.
private struct PixelTiles<Source: InterleavedImageSource>: KernelGeneric {
    let conv: PixelTiledConv
    /// Output rows stacked as extra tile rows.
    let stack: Int
    /// Tiles of `mr` virtual channels, and the depth of each (`packFilter`).
    let tiles: Int, depth: Int
    let packed: UnsafeMutablePointer<Float>
    let source: Source
    let bias: UnsafePointer<Float>?
    let output: UnsafeMutablePointer<Float>
    /// Images, and threads to split them over.
    let batch: Int, threads: Int

    func run<K: MicroKernel>(with kernel: K.Type) {
        parallelFor(0..<batch, threads: threads, grain: 1, Loop<K>(tiles: self))
    }

    /// One thread's share, for `parallelFor`.
    private struct Loop<K: MicroKernel>: ParallelWork {
        let tiles: PixelTiles

        func run(_ chunks: ChunkQueue) { tiles.compute(K.self, chunks) }
    }

    private func compute<K: MicroKernel>(_ kernel: K.Type, _ chunks: ChunkQueue) {
        let g = conv.geometry
        let f = g.filter, c = g.channels, n = g.outChannels, w = g.outWidth
        let mr = K.mr, nr = K.nr
        let stacks = (g.outHeight &+ stack &- 1) / stack  // output rows / stack, rounded up
        let rowStride = (w &+ nr &- 1) / nr &* nr &+ f  // ≥ source width; the last tile's reads fit
        // The last stack may read up to `stack − 1` source rows past the real ones: zeros.
        let sourceCount = (g.height &+ stacks &* stack &- g.outHeight) &* c &* rowStride
        let layout = PanelLayout(
            rowStride: 1, depthStride: mr, segmentLength: f, segments: (f &+ stack &- 1) &* c, segmentStride: mr &* f,
            bDepthStride: 1, bSegmentStride: rowStride)
        // The kernels write whole tiles into virtual-channel planes (`[v][stack][x]`, rows
        // `planeWidth` floats apart, slack columns and channels past `n_c·R` dropped), which
        // `scatter` then turns into NHWC: transposing tile by tile through a scratch tile cost
        // more than the FMAs.
        let planeWidth = (w &+ nr &- 1) / nr &* nr
        let planeSize = stacks &* planeWidth
        let buffer = ScratchPool.take(sourceCount)
        let planes = ScratchPool.take(tiles &* mr &* planeSize)
        defer {
            ScratchPool.give(buffer, count: sourceCount)
            ScratchPool.give(planes, count: tiles &* mr &* planeSize)
        }
        buffer.initialize(repeating: 0, count: sourceCount)
        while let images = chunks.next() {
            for i in images {
                source.write(image: i, into: buffer, rowStride: rowStride)
                for t in 0..<tiles {
                    let a = UnsafePointer(packed + t &* depth &* mr)
                    let tilePlanes = planes + t &* mr &* planeSize
                    for ys in 0..<stacks {
                        let y = ys &* stack
                        var x0 = 0
                        while x0 < w {
                            let b = UnsafePointer(buffer + (y &* c &* rowStride &+ x0))
                            let out = tilePlanes + (ys &* planeWidth &+ x0)
                            switch f {
                            case 5:
                                K.runStrip5(
                                    a: a, b: b, segments: layout.segments, bSegmentStride: rowStride, c: out,
                                    ldc: planeSize, rows: mr, columns: nr, accumulate: false)
                            case 3:
                                K.runStrip3(
                                    a: a, b: b, segments: layout.segments, bSegmentStride: rowStride, c: out,
                                    ldc: planeSize, rows: mr, columns: nr, accumulate: false)
                            default:
                                K.run(
                                    a: a, layout, b: b, c: out, ldc: planeSize, rows: mr, columns: nr,
                                    accumulate: false)
                            }
                            x0 &+= nr
                        }
                    }
                }
                conv.scatter(planes, stack: stack, planeWidth: planeWidth, to: output + i &* g.pixels &* n, bias: bias)
            }
        }
    }
}
