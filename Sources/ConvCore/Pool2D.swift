/// Which statistic a pooling window reports.
public enum PoolKind: String, Sendable, CaseIterable {
    /// The largest value in the window.
    case max
    /// The mean of the window.
    case average
}

/// 2-D pooling over NHWC activations `(m, n_H, n_W, n_c)`, as in the lecture: each channel is
/// pooled on its own, there is no padding and nothing to learn (only the hyper-parameters
/// `f` and `s`). Output extent: `floor((n − f) / s) + 1`, separately for height and width.
///
/// **Ties in max pooling.** The forward pass keeps the first maximal value in row-major window
/// order, and the backward pass sends a window's gradient to that single position. The course's
/// assignment builds its mask with `x == np.max(x)`, which sends the full gradient to *every*
/// tied position (so a window with two equal maxima passes on twice its gradient); with no ties
/// both rules agree. The single-position rule is a valid subgradient of the forward pass; the
/// all-ties mask is not.
/// A NaN in the first position of a window wins it (forward and backward); a NaN elsewhere in a
/// window is ignored.
public enum Pool2D {
    /// Pools `x` `(m, nH, nW, c)` to `(m, floor((nH−f)/s)+1, floor((nW−f)/s)+1, c)`.
    /// - Throws: `rankMismatch` unless `x` has rank 4; `invalidParameter` if `f < 1`, `s < 1`
    ///   or the window is larger than the input.
    public static func forward(_ x: Tensor, kind: PoolKind, size f: Int, stride s: Int) throws(TensorError) -> Tensor {
        var out = Tensor.placeholder
        try forward(x, kind: kind, size: f, stride: s, into: &out)
        return out
    }

    /// `forward`, writing into `out` (its storage reused when it already has the output's shape),
    /// with the batch split over `threads` threads.
    /// - Throws: as `forward`, or `invalidParameter` for `threads < 1`; `out` is unchanged then.
    public static func forward(
        _ x: Tensor, kind: PoolKind, size f: Int, stride s: Int, threads: Int = 1, into out: inout Tensor
    ) throws(TensorError) {
        let g = try Geometry(input: x.shape, size: f, stride: s, threads: threads, operation: "pool forward")
        out.prepare(g.m, g.outH, g.outW, g.c, zeroed: kind == .average)
        x.storage.withUnsafeBufferPointer { src in
            out.storage.withUnsafeMutableBufferPointer { dst in
                parallelFor(0..<g.m, threads: threads, grain: imageGrain(g.m, threads: threads),
                            Forward(kind: kind, geometry: g, x: src, out: dst))
            }
        }
    }

    /// The gradient with respect to the input: `dP` (shaped like `forward`'s output) → `dA`
    /// (shaped like `x`). Max sends each window's gradient to its first maximal position;
    /// average spreads `dP / (f·f)` over the window. Overlapping windows (`s < f`) add up.
    /// - Throws: as `forward`, and `shapeMismatch` if `dP` is not shaped like the forward output.
    public static func backward(_ dP: Tensor, input x: Tensor, kind: PoolKind, size f: Int, stride s: Int) throws(TensorError) -> Tensor {
        var dA = Tensor.placeholder
        try backward(dP, input: x, kind: kind, size: f, stride: s, into: &dA)
        return dA
    }

    /// `backward`, writing into `dA` (its storage reused when it already has `x`'s shape), with
    /// the batch split over `threads` threads.
    /// - Throws: as `backward`, or `invalidParameter` for `threads < 1`; `dA` is unchanged then.
    public static func backward(
        _ dP: Tensor, input x: Tensor, kind: PoolKind, size f: Int, stride s: Int, threads: Int = 1,
        into dA: inout Tensor
    ) throws(TensorError) {
        let g = try Geometry(input: x.shape, size: f, stride: s, threads: threads, operation: "pool backward")
        guard dP.hasShape(g.m, g.outH, g.outW, g.c) else {
            throw .shapeMismatch(operation: "pool backward", lhs: dP.shape, rhs: g.outputShape)
        }
        dA.prepare(like: x, zeroed: true)
        dP.storage.withUnsafeBufferPointer { grad in
            x.storage.withUnsafeBufferPointer { src in
                dA.storage.withUnsafeMutableBufferPointer { dst in
                    parallelFor(0..<g.m, threads: threads, grain: imageGrain(g.m, threads: threads),
                                Backward(kind: kind, geometry: g, dP: grad, x: src, dA: dst))
                }
            }
        }
    }

    /// Checked sizes of one pooling call.
    private struct Geometry {
        private(set) var m: Int
        let nH, nW, c, f, s, outH, outW: Int
        var outputShape: [Int] { [m, outH, outW, c] }

        init(input shape: [Int], size f: Int, stride s: Int, threads: Int = 1, operation: String) throws(TensorError) {
            guard threads >= 1 else {
                throw .invalidParameter(operation: operation, name: "threads", value: threads, reason: "must be at least 1")
            }
            guard shape.count == 4 else {
                throw .rankMismatch(operation: operation, expected: "(m, n_H, n_W, n_c)", got: shape)
            }
            guard f >= 1 else { throw .invalidParameter(operation: operation, name: "f", value: f, reason: "the window size must be at least 1") }
            guard s >= 1 else { throw .invalidParameter(operation: operation, name: "s", value: s, reason: "the stride must be at least 1") }
            guard f <= shape[1], f <= shape[2] else {
                throw .invalidParameter(operation: operation, name: "f", value: f,
                                        reason: "the \(f)×\(f) window is larger than the \(shape[1])×\(shape[2]) input")
            }
            (m, nH, nW, c) = (shape[0], shape[1], shape[2], shape[3])
            (self.f, self.s) = (f, s)
            outH = (nH - f) / s + 1
            outW = (nW - f) / s + 1
        }

        /// The same sizes for a batch of `count` images.
        func batch(_ count: Int) -> Geometry {
            var g = self
            g.m = count
            return g
        }

        /// The elements of `images` in the input (or input-shaped gradient).
        func inputRange(_ images: Range<Int>) -> Range<Int> {
            let size = nH &* nW &* c
            return (images.lowerBound &* size)..<(images.upperBound &* size)
        }

        /// The elements of `images` in the output (or output-shaped gradient).
        func outputRange(_ images: Range<Int>) -> Range<Int> {
            let size = outH &* outW &* c
            return (images.lowerBound &* size)..<(images.upperBound &* size)
        }

        /// Flat offset of channel 0 of input pixel (b, h, w).
        @inline(__always) func inputOffset(_ b: Int, _ h: Int, _ w: Int) -> Int {
            ((b &* nH &+ h) &* nW &+ w) &* c
        }
    }

    /// Calls `body(outputOffset, windowOrigin)` for every output pixel, in storage order.
    @inline(__always)
    private static func forEachWindow(_ g: Geometry, _ body: (Int, Int) -> Void) {
        var o = 0
        for b in 0..<g.m {
            for oh in 0..<g.outH {
                for ow in 0..<g.outW {
                    body(o, g.inputOffset(b, oh &* g.s, ow &* g.s))
                    o &+= g.c
                }
            }
        }
    }

    private static func maxForward(_ x: UnsafeBufferPointer<Float>, _ out: UnsafeMutableBufferPointer<Float>, _ g: Geometry) {
        let c = g.c, rowStride = g.nW &* c
        forEachWindow(g) { o, origin in
            for ch in 0..<c { out[o &+ ch] = x[origin &+ ch] }
            for i in 0..<g.f {
                for j in 0..<g.f {
                    let cell = origin &+ i &* rowStride &+ j &* c
                    for ch in 0..<c {
                        let v = x[cell &+ ch]
                        let best = out[o &+ ch]
                        out[o &+ ch] = v > best ? v : best
                    }
                }
            }
        }
    }

    private static func averageForward(_ x: UnsafeBufferPointer<Float>, _ out: UnsafeMutableBufferPointer<Float>, _ g: Geometry) {
        let c = g.c, rowStride = g.nW &* c
        let cells = Float(g.f &* g.f)
        forEachWindow(g) { o, origin in
            for i in 0..<g.f {
                for j in 0..<g.f {
                    let cell = origin &+ i &* rowStride &+ j &* c
                    for ch in 0..<c { out[o &+ ch] += x[cell &+ ch] }
                }
            }
            for ch in 0..<c { out[o &+ ch] /= cells }
        }
    }

    /// Per channel, a scan of the window in row-major order that keeps the first maximum; the
    /// updates are selects rather than branches, since which cell wins is data-dependent. Eight
    /// channels at a time share one scan (the channels of a pixel are contiguous in NHWC), which
    /// keeps max-pool backward from dominating a training step; leftover channels go one by one.
    private static func maxBackward(_ dP: UnsafeBufferPointer<Float>, _ x: UnsafeBufferPointer<Float>,
                                    _ dA: UnsafeMutableBufferPointer<Float>, _ g: Geometry) {
        guard let xp = x.baseAddress, let dp = dP.baseAddress, let ap = dA.baseAddress else { return }
        let c = g.c, rowStride = g.nW &* c, f = g.f
        let vectorChannels = c / 8 &* 8
        forEachWindow(g) { o, origin in
            var ch = 0
            while ch < vectorChannels {
                let first = xp + (origin &+ ch)
                var best = UnsafeRawPointer(first).loadUnaligned(as: SIMD8<Float>.self)
                var at = SIMD8<Int32>(repeating: 0)  // window cell i·f + j of the maximum
                var cell: Int32 = 0
                for i in 0..<f {
                    for j in 0..<f {
                        let v = UnsafeRawPointer(first + (i &* rowStride &+ j &* c)).loadUnaligned(as: SIMD8<Float>.self)
                        let better = v .> best
                        best.replace(with: v, where: better)
                        at.replace(with: SIMD8(repeating: cell), where: better)
                        cell &+= 1
                    }
                }
                for lane in 0..<8 {
                    let k = Int(at[lane])
                    let target = origin &+ ch &+ lane &+ (k / f) &* rowStride &+ (k % f) &* c
                    ap[target] += dp[o &+ ch &+ lane]
                }
                ch &+= 8
            }
            while ch < c {
                var best = xp[origin &+ ch]
                var at = origin &+ ch
                for i in 0..<f {
                    var cell = origin &+ i &* rowStride &+ ch
                    for _ in 0..<f {
                        let v = xp[cell]
                        let better = v > best
                        best = better ? v : best
                        at = better ? cell : at
                        cell &+= c
                    }
                }
                ap[at] += dp[o &+ ch]
                ch &+= 1
            }
        }
    }

    private static func averageBackward(_ dP: UnsafeBufferPointer<Float>, _ dA: UnsafeMutableBufferPointer<Float>, _ g: Geometry) {
        let c = g.c, rowStride = g.nW &* c
        let cells = Float(g.f &* g.f)
        forEachWindow(g) { o, origin in
            for i in 0..<g.f {
                for j in 0..<g.f {
                    let cell = origin &+ i &* rowStride &+ j &* c
                    for ch in 0..<c { dA[cell &+ ch] += dP[o &+ ch] / cells }
                }
            }
        }
    }

    /// The forward pass over the image chunks of a `parallelFor` loop.
    private struct Forward: ParallelWork {
        let kind: PoolKind
        let geometry: Geometry
        let x: UnsafeBufferPointer<Float>
        let out: UnsafeMutableBufferPointer<Float>

        func run(_ chunks: ChunkQueue) {
            let g = geometry
            while let images = chunks.next() {
                let sub = g.batch(images.count)
                let x = UnsafeBufferPointer(rebasing: self.x[g.inputRange(images)])
                let out = UnsafeMutableBufferPointer(rebasing: self.out[g.outputRange(images)])
                switch kind {
                case .max: Pool2D.maxForward(x, out, sub)
                case .average: Pool2D.averageForward(x, out, sub)
                }
            }
        }
    }

    /// The backward pass over the image chunks of a `parallelFor` loop. Windows never cross
    /// images, so each chunk writes only its own images' `dA`.
    private struct Backward: ParallelWork {
        let kind: PoolKind
        let geometry: Geometry
        let dP: UnsafeBufferPointer<Float>
        let x: UnsafeBufferPointer<Float>
        let dA: UnsafeMutableBufferPointer<Float>

        func run(_ chunks: ChunkQueue) {
            let g = geometry
            while let images = chunks.next() {
                let sub = g.batch(images.count)
                let dP = UnsafeBufferPointer(rebasing: self.dP[g.outputRange(images)])
                let x = UnsafeBufferPointer(rebasing: self.x[g.inputRange(images)])
                let dA = UnsafeMutableBufferPointer(rebasing: self.dA[g.inputRange(images)])
                switch kind {
                case .max: Pool2D.maxBackward(dP, x, dA, sub)
                case .average: Pool2D.averageBackward(dP, dA, sub)
                }
            }
        }
    }
}
