import Testing
@testable import ConvCore

/// Every kernel path of `ConvForwardKernel` and `ConvBackwardKernel` against a naive Double
/// reference, on shapes chosen to hit each tiling: output widths that are not multiples of any
/// tile (and ones that need the mixed 6- and 4-row tiles), stride 2, padding, one input channel,
/// one output channel (stacked output rows), many channels (more than one 16-wide panel), and 1 or 2 threads.
struct ConvKernelPathTests {
    /// (m, n_H, n_W, c_in, c_out, f, s, p)
    static let shapes: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (2, 32, 32, 16, 32, 3, 1, 1),  // d-like: width 32 = 4·6 + 2·4
        (3, 14, 14, 8, 16, 5, 1, 2),  // c2-like: width 14 = 6 + 2·4
        (2, 28, 28, 1, 8, 5, 1, 2),  // c1-like: one input channel
        (2, 32, 32, 3, 6, 5, 1, 0),  // b-like: 6 output channels
        (3, 9, 11, 5, 17, 3, 1, 1),  // odd width, 17 channels (partial panel)
        (2, 11, 13, 3, 17, 3, 1, 1),  // width 13 = 5 + 2·4: a partial 6-row tile, then short ones
        (2, 13, 10, 4, 20, 3, 2, 1),  // stride 2
        (1, 7, 5, 2, 1, 3, 1, 2),  // one output channel, padding beyond half the filter
        (2, 6, 6, 3, 10, 3, 1, 0),  // the lecture's shape
        (2, 12, 12, 20, 9, 2, 2, 0),  // many input channels, even filter, stride 2
        (1, 5, 23, 33, 40, 1, 1, 0),  // 1×1 filter, wide rows
        (2, 16, 19, 7, 3, 4, 1, 3),  // 3 output channels, large padding
        (2, 9, 11, 1, 4, 3, 1, 1),  // dA of one channel: stacked output rows, odd height
        (2, 11, 30, 2, 3, 5, 1, 2),  // stacked rows with 2 and 3 channels
        (2, 10, 30, 6, 14, 3, 1, 1),  // 14 channels: SIMD16's narrow tiles, 30 = 14 + 8 + 8
        (1, 8, 45, 4, 48, 3, 1, 1),  // 48 channels: whole and partial SIMD16 wide panels
    ]

    @Test(arguments: KernelSet.supported, shapes.indices)
    func matchesNaive(set: KernelSet, index: Int) throws {
        try KernelSet.run(on: set) { () throws in try check(index: index) }
    }

    private func check(index: Int) throws {
        let (m, h, w, c, n, f, s, p) = Self.shapes[index]
        var r = TestStream(seed: UInt64(index &+ 7))
        let x = try Tensor.generated([m, h, w, c]) { r.next() }
        let weights = try Tensor.generated([f, f, c, n]) { r.next() }
        let bias = try Tensor.generated([n]) { r.next() }
        let oh = (h + 2 * p - f) / s + 1, ow = (w + 2 * p - f) / s + 1
        let dZ = try Tensor.generated([m, oh, ow, n]) { r.next() }
        let xs = x.storage, ws = weights.storage, bs = bias.storage, dzs = dZ.storage

        // Naive reference in Double.
        var z = [Double](repeating: 0, count: m * oh * ow * n)
        var dA = [Double](repeating: 0, count: xs.count)
        var dW = [Double](repeating: 0, count: ws.count)
        var db = [Double](repeating: 0, count: n)
        for i in 0..<m {
            for oy in 0..<oh {
                for ox in 0..<ow {
                    for o in 0..<n {
                        let zi = ((i * oh + oy) * ow + ox) * n + o
                        var sum = Double(bs[o])
                        let g = Double(dzs[zi])
                        db[o] += g
                        for fy in 0..<f {
                            let y = oy * s - p + fy
                            guard y >= 0, y < h else { continue }
                            for fx in 0..<f {
                                let xx = ox * s - p + fx
                                guard xx >= 0, xx < w else { continue }
                                for ch in 0..<c {
                                    let xi = ((i * h + y) * w + xx) * c + ch
                                    let wi = ((fy * f + fx) * c + ch) * n + o
                                    sum += Double(xs[xi]) * Double(ws[wi])
                                    dA[xi] += g * Double(ws[wi])
                                    dW[wi] += g * Double(xs[xi])
                                }
                            }
                        }
                        z[zi] = sum
                    }
                }
            }
        }
        func worst(_ got: [Float], _ want: [Double]) -> Double {
            zip(got, want).reduce(0) { max($0, abs(Double($1.0) - $1.1) / max(1, abs($1.1))) }
        }
        for threads in [1, 2] {
            let zk = try Conv2D.forward(x, weights: weights, bias: bias, stride: s, padding: p, threads: threads)
            let gk = try Conv2D.backward(dZ, input: x, weights: weights, stride: s, padding: p, threads: threads)
            let shape = "shape \(Self.shapes[index]) threads \(threads)"
            #expect(worst(zk.storage, z) < 1e-4, "Z \(shape)")
            #expect(worst(gk.dA.storage, dA) < 1e-4, "dA \(shape)")
            #expect(worst(gk.dW.storage, dW) < 1e-4, "dW \(shape)")
            #expect(worst(gk.db.storage, db) < 1e-4, "db \(shape)")
        }
    }
}

/// `PixelTiledConv` writes exactly its output: its vector stores may run past a pixel, but never
/// past the image (the next image can belong to another thread). Sentinels after a one-image
/// output must survive, for every channel count the path takes.
struct PixelTiledConvBoundsTests {
    /// A source image `(x − y + channel) / 8`.
    private struct Ramp: InterleavedImageSource {
        let geometry: ConvGeometry

        func write(image i: Int, into source: UnsafeMutablePointer<Float>, rowStride: Int) {
            let g = geometry
            for y in 0..<g.height {
                for ch in 0..<g.channels {
                    for x in 0..<g.width { source[(y * g.channels + ch) * rowStride + x] = Float(x - y + ch) / 8 }
                }
            }
        }
    }

    @Test(arguments: KernelSet.supported, 1...8)
    func writesNothingPastTheOutput(set: KernelSet, channels n: Int) throws {
        try KernelSet.run(on: set) { pixelTiledWritesNothingPastTheOutput(channels: n) }
    }

    private func pixelTiledWritesNothingPastTheOutput(channels n: Int) {
        let g = ConvGeometry(
            height: 9, width: 7, channels: 2, filter: 3, stride: 1, padding: 0, outHeight: 7, outWidth: 5,
            outChannels: n)
        let count = g.pixels * n
        let sentinel: Float = 12345
        var out = [Float](repeating: sentinel, count: count + 16)
        var bias = [Float](repeating: 0.5, count: n)
        bias.withUnsafeMutableBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                PixelTiledConv(geometry: g).run(
                    batch: 1, filter: { fy, fx, ch, oc in Float(fy + 2 * fx + 3 * ch + 5 * oc) / 16 },
                    bias: UnsafePointer(b.baseAddress!), output: o.baseAddress!, threads: 1,
                    source: Ramp(geometry: g))
            }
        }
        #expect(out[count...].allSatisfy { $0 == sentinel }, "n = \(n)")
        // And every output value is the convolution.
        var worst: Float = 0
        for y in 0..<g.outHeight {
            for x in 0..<g.outWidth {
                for oc in 0..<n {
                    var sum: Float = 0.5
                    for fy in 0..<3 {
                        for fx in 0..<3 {
                            for ch in 0..<2 {
                                sum += Float(x + fx - y - fy + ch) / 8 * Float(fy + 2 * fx + 3 * ch + 5 * oc) / 16
                            }
                        }
                    }
                    worst = max(worst, abs(out[(y * g.outWidth + x) * n + oc] - sum))
                }
            }
        }
        #expect(worst < 1e-4, "n = \(n)")
    }
}

/// The gradients are summed per chunk of images in a fixed order, whatever thread ran a chunk,
/// so every thread count gives bit-identical results (both weight-gradient tilings).
struct ConvGradientDeterminismTests {
    @Test(arguments: KernelSet.supported, [(20, 12, 3, 6, 5), (33, 9, 4, 24, 3)])
    func sameForAnyThreadCount(set: KernelSet, shape: (Int, Int, Int, Int, Int)) throws {
        try KernelSet.run(on: set) { () throws in try compareThreadCounts(shape) }
    }

    private func compareThreadCounts(_ shape: (Int, Int, Int, Int, Int)) throws {
        let (m, h, c, n, f) = shape
        var r = TestStream(seed: 99)
        func next() -> Float { r.next() }
        let x = try Tensor.generated([m, h, h, c]) { next() }
        let w = try Tensor.generated([f, f, c, n]) { next() }
        let o = h + 2 - f + 1
        let dZ = try Tensor.generated([m, o, o, n]) { next() }
        let one = try Conv2D.backward(dZ, input: x, weights: w, stride: 1, padding: 1, threads: 1)
        for threads in [2, 3] {
            let g = try Conv2D.backward(dZ, input: x, weights: w, stride: 1, padding: 1, threads: threads)
            #expect(g.dW.storage == one.dW.storage, "threads \(threads)")
            #expect(g.db.storage == one.db.storage, "threads \(threads)")
            #expect(g.dA.storage == one.dA.storage, "threads \(threads)")
        }
    }
}

/// The bias-gradient sums: every channel count (the narrow ones fold a flat run by lanes) and
/// pixel counts that leave partial periods, against a plain loop.
struct ChannelSumsTests {
    @Test(arguments: 1...17)
    func matchPlainSums(channels n: Int) {
        for pixels in [1, 3, 4, 7, 25, 784] {
            let values = (0..<(pixels * n)).map { Float(($0 * 37) % 11) / 4 - 1 }
            var sums = (0..<n).map { Float($0) }
            var want = sums
            for p in 0..<pixels { for o in 0..<n { want[o] += values[p * n + o] } }
            values.withUnsafeBufferPointer { v in
                sums.withUnsafeMutableBufferPointer { s in
                    addChannelSums(v.baseAddress!, pixels: pixels, channels: n, to: s.baseAddress!)
                }
            }
            let worst = zip(sums, want).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-3, "n = \(n), pixels = \(pixels)")
        }
    }
}
