import ConvKernelABI

/// Images per chunk of the weight-gradient loops: at most 16 chunks, so a free thread can take
/// over part of a slow one's share (`parallelFor`) while the per-chunk partial sums stay
/// few. It depends on the batch size only, so every thread count sums in the same order.
func gradientChunk(_ m: Int) -> Int {
    max(1, (m &+ 15) / 16)
}

/// Adds chunks `1..<chunks` of `size` floats each into chunk 0, in chunk order.
func addChunks(_ partials: UnsafeMutablePointer<Float>, chunks: Int, size: Int) {
    for chunk in 1..<max(chunks, 1) {
        let src = UnsafePointer(partials + chunk &* size)
        var j = 0
        while j &+ 8 <= size {
            let sum = UnsafePointer(partials).vector8(j) + src.vector8(j)
            UnsafeMutableRawPointer(partials + j).storeBytes(of: sum, as: Vector8.self)
            j &+= 8
        }
        while j < size {
            partials[j] += src[j]
            j &+= 1
        }
    }
}

/// The backward convolution of a batch, with the same micro-kernels as the forward pass and no
/// im2col matrix:
///
/// - `dW[(fy, fx, c), n] = Σ_pixels window(p)[(fy, fx, c)] · dZ[p, n]`: a tile of up to `mr`
///   consecutive entries `(fx, c)` of one filter row `fy` is contiguous in the padded image
///   (`rowStride` 1), and the depth walks the output pixels (`s · n_c` apart within an output row,
///   `s` padded rows between output rows); the right operand is `dZ` of the image, packed.
/// - `dA` is a stride-1, unpadded convolution of `E` with the rotated filter
///   `W'[gy, gx, n, c] = W[f−1−gy, f−1−gx, c, n]`, where `E` (`(n_H + f − 1) × (n_W + f − 1) × n_c'`)
///   holds `dZ[oy, ox]` at `(oy·s − p + f − 1, ox·s − p + f − 1)` and zeros elsewhere (`dZ` dilated
///   by the stride and re-padded); it runs through `ConvForwardKernel`, or for at most 8 input
///   channels through `PixelTiledConv`.
/// - `db = Σ dZ` over the batch and every position.
/// - When that tiling would leave more SIMD lanes idle (few output channels, such as 6),
///   `ChannelTiledWeightGradient` computes `dW` and `db` with the channels as the tile rows.
///
/// `dW` and `db` are summed per chunk of images (`gradientChunk`) in private buffers, whichever
/// thread takes the chunk, and the chunks are added in order afterwards, so the result does not
/// depend on the thread count or on which thread ran what.
struct ConvBackwardKernel {
    var geometry: ConvGeometry

    /// `dA`, `dW` and `db` are overwritten; with `dA == nil` the input gradient is skipped (a
    /// network's first layer, whose input needs none).
    func run(
        batch m: Int, dZ: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>,
        weights: UnsafeBufferPointer<Float>, dA: UnsafeMutableBufferPointer<Float>?,
        dW: UnsafeMutableBufferPointer<Float>, db: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        let g = geometry
        let run = g.filter &* g.channels
        let family = KernelSet.current.family
        let tile = g.outChannels <= family.narrow.nr ? family.narrow : family.wide
        let lanesUsed = tileEfficiency(run, tile.mr) * tileEfficiency(g.outChannels, tile.nr)
        if ChannelTiledWeightGradient.plan(for: g).efficiency > lanesUsed,
           let dzp = dZ.baseAddress, let xp = x.baseAddress, let dwp = dW.baseAddress, let dbp = db.baseAddress {
            ChannelTiledWeightGradient(geometry: g).run(batch: m, dZ: dzp, x: xp, dW: dwp, db: dbp, threads: threads)
        } else {
            KernelSet.withFamily(ParameterGradients(backward: self, batch: m, dZ: dZ, x: x, dW: dW, db: db, threads: threads))
        }
        if let dA { inputGradient(batch: m, dZ: dZ, weights: weights, dA: dA, threads: threads) }
    }

    /// `parameterGradients` on the family in use: its narrow tiles up to their `nr` output
    /// channels, its wide ones above.
    private struct ParameterGradients: FamilyGeneric {
        let backward: ConvBackwardKernel
        let batch: Int
        let dZ: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>
        let dW: UnsafeMutableBufferPointer<Float>, db: UnsafeMutableBufferPointer<Float>
        let threads: Int

        func run<F: KernelFamily>(_ family: F.Type) {
            if backward.geometry.outChannels <= F.Narrow.nr {
                backward.parameterGradients(F.Narrow.self, batch: batch, dZ: dZ, x: x, dW: dW, db: db, threads: threads)
            } else {
                backward.parameterGradients(F.Wide.self, batch: batch, dZ: dZ, x: x, dW: dW, db: db, threads: threads)
            }
        }
    }

    fileprivate func parameterGradients<K: MicroKernel>(
        _ kernel: K.Type, batch m: Int, dZ: UnsafeBufferPointer<Float>, x: UnsafeBufferPointer<Float>,
        dW: UnsafeMutableBufferPointer<Float>, db: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        guard let dzp = dZ.baseAddress, let xp = x.baseAddress, let dwp = dW.baseAddress, let dbp = db.baseAddress
        else { return }
        let g = geometry
        let k = g.patchSize, n = g.outChannels
        let grain = gradientChunk(m)
        let chunks = (m &+ grain &- 1) / grain
        let partialSize = k &* n &+ n  // dW then db, per chunk of images
        let partials = ScratchPool.take(chunks &* partialSize)
        defer { ScratchPool.give(partials, count: chunks &* partialSize) }
        partials.initialize(repeating: 0, count: chunks &* partialSize)
        parallelFor(
            0..<m, threads: threads, grain: grain,
            WeightGradientTiles<K>(geometry: g, grain: grain, partials: partials, partialSize: partialSize, dZ: dzp, x: xp))
        addChunks(partials, chunks: chunks, size: partialSize)
        dwp.update(from: partials, count: k &* n)
        dbp.update(from: partials + k &* n, count: n)
    }

    private func inputGradient(
        batch m: Int, dZ: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
        dA: UnsafeMutableBufferPointer<Float>, threads: Int
    ) {
        guard let dzp = dZ.baseAddress, let wp = weights.baseAddress, let dap = dA.baseAddress else { return }
        let g = geometry
        let f = g.filter, n = g.outChannels, c = g.channels
        let shift = f &- 1 &- g.padding
        let transposed = ConvGeometry(
            height: g.height &+ f &- 1, width: g.width &+ f &- 1, channels: n, filter: f, stride: 1,
            padding: 0, outHeight: g.height, outWidth: g.width, outChannels: c)
        if PixelTiledConv.suits(outChannels: c) {
            PixelTiledConv(geometry: transposed).run(
                batch: m, filter: { gy, gx, o, ch in wp[((f &- 1 &- gy) &* f &+ (f &- 1 &- gx)) &* c &* n &+ ch &* n &+ o] },
                bias: nil, output: dap, threads: threads,
                source: InterleavedGradient(geometry: g, transposed: transposed, shift: shift, dZ: UnsafePointer(dzp)))
            return
        }
        let rotatedCount = f &* f &* n &* c
        let rotated = ScratchPool.take(rotatedCount)
        defer { ScratchPool.give(rotated, count: rotatedCount) }
        for gy in 0..<f {
            for gx in 0..<f {
                let src = wp + ((f &- 1 &- gy) &* f &+ (f &- 1 &- gx)) &* c &* n
                let dst = rotated + (gy &* f &+ gx) &* n &* c
                for ch in 0..<c {
                    for o in 0..<n { dst[o &* c &+ ch] = src[ch &* n &+ o] }
                }
            }
        }
        // Each thread dilates one image's dZ at a time into its own `E` buffer, which stays in
        // cache: building `E` for the whole batch first moved several MB through memory.
        ConvForwardKernel(geometry: transposed).runDirect(
            batch: m, weights: rotated, bias: nil, z: dap, threads: threads,
            source: DilatedGradient(kernel: self, transposed: transposed, shift: shift, dZ: UnsafePointer(dzp)))
    }

    /// Writes one image's `dZ` into `E` (`transposed` sizes, zero where nothing lands):
    /// `dZ[oy, ox]` goes to `(oy·s + shift, ox·s + shift)` when that is inside `E`. Every call
    /// writes the same cells, so a buffer zeroed once can be reused image after image. At stride
    /// 1 each output row is one block; otherwise pixel by pixel, without a `memmove` call each.
    fileprivate func dilate(
        _ dz: UnsafePointer<Float>, into ei: UnsafeMutablePointer<Float>, shift: Int, transposed: ConvGeometry
    ) {
        let g = geometry
        let n = g.outChannels, s = g.stride
        // Output columns `first..<end` land inside E: 0 ≤ ox·s + shift < width.
        let first = shift >= 0 ? 0 : (s &- 1 &- shift) / s
        let end = min(g.outWidth, (transposed.width &- shift &+ s &- 1) / s)
        guard first < end else { return }
        for oy in 0..<g.outHeight {
            let y = oy &* s &+ shift
            guard y >= 0, y < transposed.height else { continue }
            let src = dz + (oy &* g.outWidth &+ first) &* n
            let dst = ei + (y &* transposed.width &+ first &* s &+ shift) &* n
            if s == 1 {
                dst.update(from: src, count: (end &- first) &* n)
            } else {
                for j in 0..<(end &- first) { copyShort(n, from: src + j &* n, to: dst + j &* s &* n) }
            }
        }
    }
}

/// One thread's share of `ConvBackwardKernel.parameterGradients`: chunks of images from the
/// `parallelFor` queue, each chunk's `dW` and `db` summed into its own slot of `partials`.
private struct WeightGradientTiles<K: MicroKernel>: ParallelWork {
    let geometry: ConvGeometry
    /// Images per chunk (`gradientChunk`).
    let grain: Int
    /// Per chunk, `dW` (`k · n_c'`) then `db` (`n_c'`), zeroed: `partialSize` floats each.
    let partials: UnsafeMutablePointer<Float>
    let partialSize: Int
    let dZ: UnsafePointer<Float>
    let x: UnsafePointer<Float>

    func run(_ chunks: ChunkQueue) {
        let g = geometry
        let pixels = g.pixels, k = g.patchSize, n = g.outChannels
        let mr = K.mr, nr = K.nr
        let panels = (n &+ nr &- 1) / nr
        let run = g.filter &* g.channels  // contiguous entries (fx, c) of one filter row
        let padded = PaddedImage(g)
        let packedDZ = ScratchPool.take(panels &* pixels &* nr)
        defer {
            padded.deallocate()
            ScratchPool.give(packedDZ, count: panels &* pixels &* nr)
        }
        let layout = PanelLayout(
            rowStride: 1, depthStride: g.stride &* g.channels, segmentLength: g.outWidth,
            segments: g.outHeight, segmentStride: g.stride &* padded.rowStride, packedB: nr)
        while let images = chunks.next() {
            let dWPart = partials + images.lowerBound / grain &* partialSize
            let dbPart = dWPart + k &* n
            for i in images {
                let dzi = UnsafePointer(dZ + i &* pixels &* n)
                padded.load(x + i &* g.imageSize)
                GEMM.packB(.rowMajor(dzi, ld: n), depth: 0..<pixels, columns: n, nr: nr, into: packedDZ)
                for jp in 0..<panels {
                    let bPanel = UnsafePointer(packedDZ + jp &* pixels &* nr)
                    let columns = min(nr, n &- jp &* nr)
                    for fy in 0..<g.filter {
                        var j = 0
                        while j < run {
                            K.run(
                                a: UnsafePointer(padded.base + (fy &* padded.rowStride &+ j)), layout, b: bPanel,
                                c: dWPart + ((fy &* run &+ j) &* n &+ jp &* nr), ldc: n,
                                rows: min(mr, run &- j), columns: columns, accumulate: true)
                            j &+= mr
                        }
                    }
                }
                addChannelSums(dzi, pixels: pixels, channels: n, to: dbPart)
            }
        }
    }
}

/// The input gradient's source for `ConvForwardKernel.runDirect`: each image's `dZ` dilated
/// and re-padded into `E` (`ConvBackwardKernel.dilate`).
private struct DilatedGradient: PaddedImageSource {
    let kernel: ConvBackwardKernel
    /// The sizes of `E` and of the stride-1 convolution over it.
    let transposed: ConvGeometry
    /// Where `dZ[0, 0]` lands in `E`, in rows and columns: `f − 1 − p`.
    let shift: Int
    let dZ: UnsafePointer<Float>

    func write(image i: Int, into padded: PaddedImage) {
        let g = kernel.geometry
        kernel.dilate(dZ + i &* g.pixels &* g.outChannels, into: padded.base, shift: shift, transposed: transposed)
    }
}

/// The input gradient's source for `PixelTiledConv`: `E` (as `DilatedGradient`) written
/// row-interleaved, `[Y][n_c'][X]`.
private struct InterleavedGradient: InterleavedImageSource {
    let geometry: ConvGeometry
    let transposed: ConvGeometry
    let shift: Int
    let dZ: UnsafePointer<Float>

    func write(image i: Int, into source: UnsafeMutablePointer<Float>, rowStride: Int) {
        // E in [Y][n][X]: dZ[oy, ox, :] lands at (oy·s + shift, ox·s + shift), for the
        // output columns `first..<end` that land inside E. With at most 8 channels
        // channel by channel, so the stores run along a row (the loads stride by n_c,
        // within a line or two); with more, pixel by pixel (contiguous loads).
        let g = geometry
        let n = g.outChannels, s = g.stride
        let first = shift >= 0 ? 0 : (s &- 1 &- shift) / s
        let end = min(g.outWidth, (transposed.width &- shift &+ s &- 1) / s)
        let dzi = dZ + i &* g.pixels &* n
        for oy in 0..<g.outHeight {
            let y = oy &* s &+ shift
            guard y >= 0, y < transposed.height, first < end else { continue }
            let src = dzi + (oy &* g.outWidth &* n)
            let row = source + (y &* n &* rowStride &+ shift)
            if n <= 8 {
                for o in 0..<n {
                    let dst = row + o &* rowStride
                    for ox in first..<end { dst[ox &* s] = src[ox &* n &+ o] }
                }
            } else {
                for ox in first..<end {
                    for o in 0..<n { row[o &* rowStride &+ ox &* s] = src[ox &* n &+ o] }
                }
            }
        }
    }
}
