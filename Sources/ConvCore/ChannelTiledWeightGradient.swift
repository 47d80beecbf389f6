import ConvKernelABI

/// The weight and bias gradients with the output channels as the tile rows, for few output
/// channels: `dWᵀ[n, (fy, fx, c)] = Σ_pixels dZ[p, n] · window(p)[(fy, fx, c)]`.
///
/// `ConvBackwardKernel`'s own tiling puts `n_c` in the SIMD lanes, which idles most of them when
/// `n_c` is 6; here a tile is up to `mr` output channels × `nr` consecutive entries `(fx, c)` of
/// one filter row `fy` (contiguous in the padded image), the depth walks the output pixels, and
/// the A operand is `dZ` of the image with its channels padded to whole tiles. When the filter
/// rows are too short for a tile (one input channel: 5 entries for `f = 5`), each image's windows
/// are first copied to rows of all `f·f·n_c` entries (`Source.windowRows`). `dWᵀ` and `db` are
/// summed per chunk of images (`gradientChunk`), whichever thread takes it; the chunks are added
/// in order and transposed at the end, so the result does not depend on the threads.
struct ChannelTiledWeightGradient {
    var geometry: ConvGeometry

    /// How a tile's filter entries are read.
    enum Source {
        /// Straight from the padded image: `f · n_c` contiguous entries per filter row.
        case paddedImage
        /// From each image's windows copied to rows of all `f · f · n_c` entries (padded to the
        /// kernel's `nr`), for filters whose rows are too short to fill a tile (few channels).
        case windowRows
    }

    /// Floats past the window rows that `copyWindows` may overwrite.
    fileprivate let windowSlack = 8

    /// Lanes kept per lane computed when the windows are copied first: the copy moves the
    /// `f·f·n_c` window entries of every pixel once per image, against `n_c'` FMAs per entry.
    private static let windowCopyCost = 0.85

    /// The kernel and source for these sizes and the fraction of its lanes that do useful work,
    /// to compare with the tiling that puts `n_c'` in the lanes.
    static func plan(for g: ConvGeometry) -> (kernel: any MicroKernel.Type, source: Source, efficiency: Double) {
        let run = g.filter &* g.channels
        let kernels = KernelSet.current.family.channelTiled
        var best: (kernel: any MicroKernel.Type, source: Source, efficiency: Double) = (kernels[0], .paddedImage, 0)
        for i in kernels.indices {  // indices, not the iterator: no allocation in debug builds
            let k = kernels[i]
            let rows = tileEfficiency(g.outChannels, k.mr)
            let direct = rows * tileEfficiency(run, k.nr)
            if direct > best.efficiency { best = (k, .paddedImage, direct) }
            let copied = rows * tileEfficiency(g.patchSize, k.nr) * windowCopyCost
            if copied > best.efficiency { best = (k, .windowRows, copied) }
        }
        return best
    }

    /// `dW` (`f·f·n_c × n_c'`) and `db` are overwritten.
    func run(
        batch m: Int, dZ: UnsafePointer<Float>, x: UnsafePointer<Float>, dW: UnsafeMutablePointer<Float>,
        db: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let (kernel, source, _) = ChannelTiledWeightGradient.plan(for: geometry)
        let k = geometry.patchSize, n = geometry.outChannels
        let paddedN = (n &+ kernel.mr &- 1) / kernel.mr &* kernel.mr
        let grain = gradientChunk(m)
        let chunks = (m &+ grain &- 1) / grain
        let partialSize = paddedN &* k &+ n  // dWᵀ (rows past n_c unused) then db, per chunk
        let partials = ScratchPool.take(chunks &* partialSize)
        defer { ScratchPool.give(partials, count: chunks &* partialSize) }
        partials.initialize(repeating: 0, count: chunks &* partialSize)
        let work = ChannelTiles(
            gradient: self, source: source, grain: grain, partials: partials, partialSize: partialSize, dZ: dZ, x: x,
            batch: m, threads: threads)
        KernelSet.dispatch(kernel, work)
        addChunks(partials, chunks: chunks, size: partialSize)
        for e in 0..<k {
            for o in 0..<n { dW[e &* n &+ o] = partials[o &* k &+ e] }
        }
        db.update(from: partials + paddedN &* k, count: n)
    }

    /// Copies the window of every output pixel out of `padded`, as rows of `f·f·n_c` entries
    /// `rowLength` floats apart. Each filter row is copied in whole vectors, so up to 7 floats
    /// past it are overwritten too: the next filter row or pixel rewrites them, and what lands in
    /// a row's padding (or the buffer's slack, `windowSlack`) only reaches dropped lanes. The
    /// reads stay inside `padded`'s slack (`PaddedImage.maxTileColumns`).
    fileprivate func copyWindows(_ padded: PaddedImage, to windows: UnsafeMutablePointer<Float>, rowLength: Int) {
        let g = geometry
        let run = g.filter &* g.channels
        if run <= 8 {
            // One vector per filter row, without the loop over the row (which cost more than the
            // copy for the 5-entry rows of a one-channel 5×5 filter).
            // Filter row by filter row, along the output row: fixed strides, long inner loops.
            let rowStride = padded.rowStride, step = g.stride &* g.channels
            for oy in 0..<g.outHeight {
                for fy in 0..<g.filter {
                    var src = UnsafePointer(padded.base + (oy &* g.stride &+ fy) &* rowStride)
                    var dst = UnsafeMutableRawPointer(windows + (oy &* g.outWidth &* rowLength &+ fy &* run))
                    for _ in 0..<g.outWidth {
                        dst.storeBytes(of: src.vector8(0), as: Vector8.self)
                        src += step
                        dst += rowLength &* 4
                    }
                }
            }
            return
        }
        for oy in 0..<g.outHeight {
            for ox in 0..<g.outWidth {
                let window = padded.base + (oy &* g.stride &* padded.rowStride &+ ox &* g.stride &* g.channels)
                let row = windows + (oy &* g.outWidth &+ ox) &* rowLength
                for fy in 0..<g.filter {
                    let src = window + fy &* padded.rowStride, dst = row + fy &* run
                    var e = 0
                    while e < run {
                        UnsafeMutableRawPointer(dst + e).storeBytes(of: UnsafePointer(src).vector8(e), as: Vector8.self)
                        e &+= 8
                    }
                }
            }
        }
    }
}

/// The fraction of `ceil(count / tile) · tile` lanes that hold one of `count` items.
func tileEfficiency(_ count: Int, _ tile: Int) -> Double {
    Double(count) / Double((count &+ tile &- 1) / tile &* tile)
}

/// Copies `count` floats, 8 at a time then one by one: for the short runs of the weight gradient,
/// where a `memmove` call per run cost more than the copy.
@inline(__always)
func copyShort(_ count: Int, from src: UnsafePointer<Float>, to dst: UnsafeMutablePointer<Float>) {
    var e = 0
    while e &+ 8 <= count {
        UnsafeMutableRawPointer(dst + e).storeBytes(of: src.vector8(e), as: Vector8.self)
        e &+= 8
    }
    while e < count {
        dst[e] = src[e]
        e &+= 1
    }
}

/// `sums[o] += Σ_p values[p·n + o]` for `n` channels: the pixel sum of each channel is formed
/// first (8 channels per vector register), then added, so no store waits on the previous one.
/// Four partial sums (pixels `p ≡ 0…3 mod 4`) are kept, so consecutive adds do not wait on each
/// other's latency; they are combined in a fixed order. Fewer than 8 channels go through
/// `addNarrowChannelSums`.
func addChannelSums(_ values: UnsafePointer<Float>, pixels: Int, channels n: Int, to sums: UnsafeMutablePointer<Float>) {
    if n < 8 {
        addNarrowChannelSums(values, count: pixels &* n, channels: n, to: sums)
        return
    }
    var o = 0
    while o &+ 8 <= n {
        var acc0 = Vector8(), acc1 = Vector8(), acc2 = Vector8(), acc3 = Vector8()
        var p = 0
        while p &+ 4 <= pixels {
            let row = values + (p &* n &+ o)
            acc0 += row.vector8(0)
            acc1 += row.vector8(n)
            acc2 += row.vector8(2 &* n)
            acc3 += row.vector8(3 &* n)
            p &+= 4
        }
        while p < pixels {
            acc0 += values.vector8(p &* n &+ o)
            p &+= 1
        }
        let acc = (acc0 + acc1) + (acc2 + acc3)
        UnsafeMutableRawPointer(sums + o).storeBytes(of: acc + UnsafePointer(sums).vector8(o), as: Vector8.self)
        o &+= 8
    }
    while o < n {
        var acc: Float = 0
        for p in 0..<pixels { acc += values[p &* n &+ o] }
        sums[o] += acc
        o &+= 1
    }
}

/// `addChannelSums` for fewer than 8 channels, on the `count` floats as one flat run: every
/// `L = lcm(n, 8)` floats (`L / 8` vectors) the channels repeat, so vector `v` of each period
/// is summed over the periods (two partial sums, alternate periods), and its lane `l` belongs to
/// channel `(8v + l) mod n`. The leftover floats past the last whole period are added one by
/// one. A scalar loop per channel made one serial chain of adds per pixel and channel, which
/// took as long as the weight-gradient FMAs of a 6-channel layer.
private func addNarrowChannelSums(
    _ values: UnsafePointer<Float>, count: Int, channels n: Int, to sums: UnsafeMutablePointer<Float>
) {
    var g = n, b = 8
    while b != 0 { (g, b) = (b, g % b) }
    let period = n / g &* 8  // lcm(n, 8)
    let periods = count / period
    for v in 0..<(period / 8) {
        var acc0 = Vector8(), acc1 = Vector8()
        var q = 0
        while q &+ 2 <= periods {
            acc0 += values.vector8(q &* period &+ 8 &* v)
            acc1 += values.vector8((q &+ 1) &* period &+ 8 &* v)
            q &+= 2
        }
        if q < periods { acc0 += values.vector8(q &* period &+ 8 &* v) }
        let acc = acc0 + acc1
        for l in 0..<8 { sums[(8 &* v &+ l) % n] += acc[l] }
    }
    for e in (periods &* period)..<count { sums[e % n] += values[e] }
}

/// `ChannelTiledWeightGradient` with its kernel chosen: chunks of images from a `parallelFor`
/// queue, each chunk's `dWᵀ` and `db` summed into its own slot of `partials`.
private struct ChannelTiles: KernelGeneric {
    let gradient: ChannelTiledWeightGradient
    let source: ChannelTiledWeightGradient.Source
    /// Images per chunk (`gradientChunk`).
    let grain: Int
    /// Per chunk, `dWᵀ` (`⌈n_c'/mr⌉·mr × k`) then `db` (`n_c'`), zeroed: `partialSize` floats each.
    let partials: UnsafeMutablePointer<Float>
    let partialSize: Int
    let dZ: UnsafePointer<Float>
    let x: UnsafePointer<Float>
    /// Images, and threads to split them over.
    let batch: Int, threads: Int

    func run<K: MicroKernel>(with kernel: K.Type) {
        parallelFor(0..<batch, threads: threads, grain: grain, Loop<K>(tiles: self))
    }

    /// One thread's share, for `parallelFor`.
    private struct Loop<K: MicroKernel>: ParallelWork {
        let tiles: ChannelTiles

        func run(_ chunks: ChunkQueue) { tiles.compute(K.self, chunks) }
    }

    private func compute<K: MicroKernel>(_ kernel: K.Type, _ chunks: ChunkQueue) {
        let g = gradient.geometry
        let pixels = g.pixels, k = g.patchSize, n = g.outChannels
        let mr = K.mr, nr = K.nr
        let tiles = (n &+ mr &- 1) / mr
        let paddedN = tiles &* mr
        let run = g.filter &* g.channels  // contiguous entries (fx, c) of one filter row
        let paddedK = (k &+ nr &- 1) / nr &* nr
        let padded = PaddedImage(g)
        let channelsCount = n == paddedN ? 0 : pixels &* paddedN
        let channels = ScratchPool.take(channelsCount)
        let windowCount = source == .windowRows ? pixels &* paddedK &+ gradient.windowSlack : 0
        let windows = ScratchPool.take(windowCount)
        defer {
            padded.deallocate()
            ScratchPool.give(channels, count: channelsCount)
            ScratchPool.give(windows, count: windowCount)
        }
        channels.initialize(repeating: 0, count: channelsCount)
        windows.initialize(repeating: 0, count: windowCount)
        let layout = source == .windowRows
            ? PanelLayout(
                rowStride: 1, depthStride: paddedN, segmentLength: pixels, segments: 1, segmentStride: 0,
                bDepthStride: paddedK, bSegmentStride: 0)
            : PanelLayout(
                rowStride: 1, depthStride: paddedN, segmentLength: g.outWidth, segments: g.outHeight,
                segmentStride: g.outWidth &* paddedN, bDepthStride: g.stride &* g.channels,
                bSegmentStride: g.stride &* padded.rowStride)
        while let images = chunks.next() {
            let dWPart = partials + images.lowerBound / grain &* partialSize
            let dbPart = dWPart + paddedN &* k
            for i in images {
                let dzi = dZ + i &* pixels &* n
                padded.load(x + i &* g.imageSize)
                // With whole tiles of channels `dZ` itself is the A operand; otherwise a copy with
                // its channels padded to whole tiles.
                let aOperand: UnsafePointer<Float>
                if n == paddedN {
                    aOperand = UnsafePointer(dzi)
                } else {
                    for p in 0..<pixels { copyShort(n, from: dzi + p &* n, to: channels + p &* paddedN) }
                    aOperand = UnsafePointer(channels)
                }
                addChannelSums(dzi, pixels: pixels, channels: n, to: dbPart)
                if source == .windowRows {
                    gradient.copyWindows(padded, to: windows, rowLength: paddedK)
                    for t in 0..<tiles {
                        let a = aOperand + t &* mr
                        var j = 0
                        while j < k {
                            K.run(
                                a: a, layout, b: UnsafePointer(windows + j), c: dWPart + (t &* mr &* k &+ j), ldc: k,
                                rows: mr, columns: min(nr, k &- j), accumulate: true)
                            j &+= nr
                        }
                    }
                    continue
                }
                for t in 0..<tiles {
                    let a = aOperand + t &* mr
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
    }
}
