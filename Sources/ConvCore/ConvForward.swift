import ConvKernelABI

/// The forward convolution as a direct convolution: the GEMM micro-kernels read the windows
/// straight out of a zero-padded copy of each image, with no im2col matrix.
///
/// In NHWC one filter row of a window, `(fy, fx = 0..<f, c = 0..<n_c)`, is `f · n_c` contiguous
/// floats of the padded image, and the windows of neighbouring output pixels in one output row
/// start `s · n_c` floats apart. That is exactly a `PanelLayout` with `f` segments, so each tile
/// of up to `mr` pixels of one output row × `nr` output channels is one micro-kernel call
/// against the packed weights (`W` as stored is the `f·f·n_c × n_c` right operand); the end of
/// a row may use shorter tiles instead of a mostly dropped last one (`split`). Images are
/// split over threads; the packed weights are shared. At stride 1 with at most 8 output
/// channels the tiles run along pixels instead (`PixelTiledConv`), so SIMD lanes are not idle
/// and the broadcast operand is the packed filter.
struct ConvForwardKernel {
    var geometry: ConvGeometry

    func run(
        batch m: Int, x: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
        bias: UnsafeBufferPointer<Float>?, z: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        if geometry.stride == 1, PixelTiledConv.suits(outChannels: geometry.outChannels),
           let xp = x.baseAddress, let wp = weights.baseAddress, let zp = z.baseAddress {
            runByPixels(batch: m, x: xp, weights: wp, bias: bias?.baseAddress, z: zp, threads: threads)
        } else if let xp = x.baseAddress, let wp = weights.baseAddress, let zp = z.baseAddress {
            runDirect(
                batch: m, weights: wp, bias: bias?.baseAddress, z: zp, threads: threads,
                source: UnpaddedImages(x: xp, size: geometry.imageSize))
        }
    }

    /// The direct path (any stride and channel count) on images that `source` writes into each
    /// thread's `PaddedImage`. The backward pass dilates `dZ` straight into it, so its `E` never
    /// exists for the whole batch.
    func runDirect<Source: PaddedImageSource>(
        batch m: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, z: UnsafeMutablePointer<Float>,
        threads: Int, source: Source
    ) {
        KernelSet.withFamily(
            DirectRun(conv: self, batch: m, weights: weights, bias: bias, z: z, threads: threads, source: source))
    }

    /// `runDirect` for the kernel family in use: its narrow tiles up to their `nr` output
    /// channels, its wide ones above.
    private struct DirectRun<Source: PaddedImageSource>: FamilyGeneric {
        let conv: ConvForwardKernel
        let batch: Int
        let weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, z: UnsafeMutablePointer<Float>
        let threads: Int
        let source: Source

        func run<F: KernelFamily>(_ family: F.Type) {
            if conv.geometry.outChannels <= F.Narrow.nr {
                conv.run(F.Narrow.self, short: F.NarrowShort.self, batch: batch, weights: weights, bias: bias, z: z,
                    threads: threads, source: source)
            } else {
                conv.run(F.Wide.self, short: F.WideShort.self, batch: batch, weights: weights, bias: bias, z: z,
                    threads: threads, source: source)
            }
        }
    }

    /// Few output channels at stride 1: `PixelTiledConv` on the padded image, stored `[Y][c][X]`.
    private func runByPixels(
        batch m: Int, x: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        z: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let g = geometry
        let c = g.channels, n = g.outChannels, p = g.padding
        let padded = ConvGeometry(
            height: g.height &+ 2 &* p, width: g.width &+ 2 &* p, channels: c, filter: g.filter, stride: 1,
            padding: 0, outHeight: g.outHeight, outWidth: g.outWidth, outChannels: n)
        PixelTiledConv(geometry: padded).run(
            batch: m, filter: { fy, fx, ch, o in weights[((fy &* g.filter &+ fx) &* c &+ ch) &* n &+ o] },
            bias: bias, output: z, threads: threads, source: InterleavedImages(x: x, geometry: g))
    }

    /// Where the `mr`-row tiles of an output row of `width` pixels end and the `shortMR`-row tiles
    /// take over: a row of 32 pixels as 6·6 would compute 4 dropped rows in its last tile, as
    /// 4·6 + 2·4 none. Up to two short tiles, each counted as `shortCost` of its rows because
    /// it has fewer accumulators per B load (`KernelFamily.WideShort`: 8 FMA chains, just enough
    /// to cover the FMA latency; on AVX2 measured alone at 85–90% of `Wide`'s rate); the
    /// cheapest split wins, ties to fewer short tiles.
    static func split(_ width: Int, mr: Int, shortMR: Int) -> Int {
        let shortCost = 1.15
        var best = width, bestCost = Double.infinity
        for short in 0...2 where short &* shortMR <= width && (short == 0 || shortMR < mr) {
            let long = width &- short &* shortMR
            let cost = Double((long &+ mr &- 1) / mr &* mr) + Double(short &* shortMR) * shortCost
            if cost < bestCost { (best, bestCost) = (long, cost) }
        }
        return best
    }

    /// The bias reaches the kernels as `panels · nr` floats (zero past `n_c`), added to each tile
    /// as it is stored.
    fileprivate func run<K: MicroKernel, Short: MicroKernel, Source: PaddedImageSource>(
        _ kernel: K.Type, short: Short.Type, batch m: Int, weights wp: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, z zp: UnsafeMutablePointer<Float>, threads: Int, source: Source
    ) {
        let g = geometry
        let n = g.outChannels, k = g.patchSize, nr = K.nr
        let panels = (n &+ nr &- 1) / nr
        let packedCount = panels &* k &* nr &+ panels &* nr
        let packed = ScratchPool.take(packedCount)
        defer { ScratchPool.give(packed, count: packedCount) }
        GEMM.packB(.rowMajor(wp, ld: n), depth: 0..<k, columns: n, nr: nr, into: packed)
        let paddedBias = packed + panels &* k &* nr
        if let bias {
            paddedBias.initialize(from: bias, count: n)
            (paddedBias + n).initialize(repeating: 0, count: panels &* nr &- n)
        }
        let tiles = DirectTiles<K, Short, Source>(
            geometry: g, source: source, packed: packed, bias: bias == nil ? nil : paddedBias, z: zp)
        parallelFor(0..<m, threads: threads, grain: 1, tiles)
    }
}

/// Writes image `i` into a thread's `PaddedImage` for `ConvForwardKernel.runDirect`: the
/// interior, the same cells for every image (the buffer is zeroed once per thread, so the
/// zeros elsewhere survive).
protocol PaddedImageSource {
    func write(image i: Int, into padded: PaddedImage)
}

/// The forward pass's source: NHWC images of `size` floats each, copied into the interior.
private struct UnpaddedImages: PaddedImageSource {
    let x: UnsafePointer<Float>
    let size: Int

    func write(image i: Int, into padded: PaddedImage) { padded.load(x + i &* size) }
}

/// One thread's share of the direct convolution: whole images from the `parallelFor` queue,
/// each prepared into the thread's `PaddedImage`, then tiles of up to `mr` pixels of one output
/// row × `nr` output channels, one micro-kernel call each (`Short` tiles at the row ends, from
/// `ConvForwardKernel.split`).
private struct DirectTiles<K: MicroKernel, Short: MicroKernel, Source: PaddedImageSource>: ParallelWork {
    let geometry: ConvGeometry
    let source: Source
    /// The weights as `nr`-column panels (`GEMM.packB`).
    let packed: UnsafeMutablePointer<Float>
    /// The bias padded to whole panels, or nil.
    let bias: UnsafeMutablePointer<Float>?
    /// The output, NHWC.
    let z: UnsafeMutablePointer<Float>

    func run(_ chunks: ChunkQueue) {
        let g = geometry
        let n = g.outChannels, k = g.patchSize, nr = K.nr, mr = K.mr
        let panels = (n &+ nr &- 1) / nr
        let c = g.channels, s = g.stride
        let paddedRow = (g.width &+ 2 &* g.padding) &* c
        let layout = PanelLayout(
            rowStride: s &* c, depthStride: 1, segmentLength: g.filter &* c, segments: g.filter,
            segmentStride: paddedRow, packedB: nr)
        let fullEnd = ConvForwardKernel.split(g.outWidth, mr: mr, shortMR: Short.mr)
        let padded = PaddedImage(g)
        defer { padded.deallocate() }
        while let images = chunks.next() {
            for i in images {
                source.write(image: i, into: padded)
                let zi = z + i &* g.pixels &* n
                for jp in 0..<panels {
                    let j0 = jp &* nr
                    let columns = min(nr, n &- j0)
                    let bPanel = UnsafePointer(packed + jp &* k &* nr)
                    let panelBias = bias.map { UnsafePointer($0 + j0) }
                    for oy in 0..<g.outHeight {
                        let aRow = UnsafePointer(padded.base + oy &* s &* paddedRow)
                        let cRow = zi + (oy &* g.outWidth &* n &+ j0)
                        var ox = 0
                        while ox < fullEnd {
                            K.run(
                                a: aRow + ox &* s &* c, layout, b: bPanel, c: cRow + ox &* n, ldc: n,
                                rows: min(mr, fullEnd &- ox), columns: columns, accumulate: false, bias: panelBias)
                            ox &+= mr
                        }
                        ox = fullEnd
                        while ox < g.outWidth {
                            Short.run(
                                a: aRow + ox &* s &* c, layout, b: bPanel, c: cRow + ox &* n, ldc: n,
                                rows: min(Short.mr, g.outWidth &- ox), columns: columns, accumulate: false,
                                bias: panelBias)
                            ox &+= Short.mr
                        }
                    }
                }
            }
        }
    }
}

/// The forward pass's source for `PixelTiledConv`: each NHWC image written row-interleaved
/// (`[Y][channel][X]`) into the interior of the padded source.
private struct InterleavedImages: InterleavedImageSource {
    let x: UnsafePointer<Float>
    /// The convolution's geometry, with the padding the source has around the image.
    let geometry: ConvGeometry

    func write(image i: Int, into source: UnsafeMutablePointer<Float>, rowStride: Int) {
        let g = geometry
        let c = g.channels, p = g.padding
        let image = x + i &* g.imageSize
        for y in 0..<g.height {
            for ch in 0..<c {
                let row: Int = ((y &+ p) &* c &+ ch) &* rowStride &+ p
                let dst = source + row
                let src = image + (y &* g.width &* c &+ ch)
                for xx in 0..<g.width { dst[xx] = src[xx &* c] }
            }
        }
    }
}
