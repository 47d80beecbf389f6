import ConvKernelABI
import Testing
@testable import ConvCore

/// Every micro-kernel of every kernel set this CPU runs against a Double reference, through a strided, segmented `PanelLayout` and the unrolled strip
/// walks, on whole and partial tiles, overwriting and accumulating, with and without a bias.
struct MicroKernelTests {
    /// (rows, columns) to store for a kernel: the whole tile and two partial ones.
    private static func tiles(_ k: any MicroKernel.Type) -> [(Int, Int)] {
        [(k.mr, k.nr), (max(1, k.mr - 1), max(1, k.nr - 3)), (1, 1)]
    }

    /// (set, index into the set's `all`) for every set this CPU runs.
    static let kernels: [KernelCase] = KernelSet.supported.flatMap { set in set.all.indices.map { KernelCase(set: set, index: $0) } }

    @Test(arguments: kernels)
    func runMatchesReference(_ kernel: KernelCase) {
        let k = kernel.kernel, index = kernel.index
        let mr = k.mr, nr = k.nr
        let segments = 3, length = 5
        let layout = PanelLayout(
            rowStride: 1, depthStride: mr + 1, segmentLength: length, segments: segments,
            segmentStride: (mr + 1) * length + 2, bDepthStride: nr + 3, bSegmentStride: (nr + 3) * length + 1)
        var r = TestStream(seed: UInt64(index + 11))
        let a = (0..<(layout.segmentStride * segments + mr)).map { _ in r.next() }
        let b = (0..<(layout.bSegmentStride * segments + nr)).map { _ in r.next() }
        let bias = (0..<nr).map { _ in r.next() }
        let ldc = nr + 5
        let initial = (0..<(mr * ldc)).map { _ in r.next() }
        func product(_ row: Int, _ column: Int) -> Double {
            var sum = 0.0
            for s in 0..<segments {
                for i in 0..<length {
                    let av = a[s * layout.segmentStride + i * layout.depthStride + row * layout.rowStride]
                    let bv = b[s * layout.bSegmentStride + i * layout.bDepthStride + column]
                    sum += Double(av) * Double(bv)
                }
            }
            return sum
        }
        for (rows, columns) in Self.tiles(k) {
            for accumulate in [false, true] {
                for withBias in [false, true] {
                    var c = initial
                    a.withUnsafeBufferPointer { ap in
                        b.withUnsafeBufferPointer { bp in
                            bias.withUnsafeBufferPointer { biasp in
                                c.withUnsafeMutableBufferPointer { cp in
                                    k.run(
                                        a: ap.baseAddress!, layout, b: bp.baseAddress!, c: cp.baseAddress!, ldc: ldc,
                                        rows: rows, columns: columns, accumulate: accumulate,
                                        bias: withBias ? biasp.baseAddress! : nil)
                                }
                            }
                        }
                    }
                    let worst = Self.worstError(c, initial: initial, ldc: ldc, rows: rows, columns: columns, accumulate: accumulate) {
                        product($0, $1) + (withBias ? Double(bias[$1]) : 0)
                    }
                    #expect(worst < 1e-5, "\(k) rows \(rows) columns \(columns) accumulate \(accumulate) bias \(withBias)")
                }
            }
        }
    }

    @Test(arguments: kernels, [3, 5])
    func stripMatchesReference(_ kernel: KernelCase, width: Int) {
        let k = kernel.kernel, index = kernel.index
        let mr = k.mr, nr = k.nr
        let segments = 4, bSegmentStride = nr + width + 2
        var r = TestStream(seed: UInt64(index * 7 + width))
        let a = (0..<(width * segments * mr)).map { _ in r.next() }
        let b = (0..<(bSegmentStride * segments + nr + width)).map { _ in r.next() }
        let ldc = nr + 1
        let initial = (0..<(mr * ldc)).map { _ in r.next() }
        for (rows, columns) in Self.tiles(k) {
            for accumulate in [false, true] {
                var c = initial
                a.withUnsafeBufferPointer { ap in
                    b.withUnsafeBufferPointer { bp in
                        c.withUnsafeMutableBufferPointer { cp in
                            let (a, b, c) = (ap.baseAddress!, bp.baseAddress!, cp.baseAddress!)
                            if width == 3 {
                                k.runStrip3(
                                    a: a, b: b, segments: segments, bSegmentStride: bSegmentStride, c: c, ldc: ldc,
                                    rows: rows, columns: columns, accumulate: accumulate)
                            } else {
                                k.runStrip5(
                                    a: a, b: b, segments: segments, bSegmentStride: bSegmentStride, c: c, ldc: ldc,
                                    rows: rows, columns: columns, accumulate: accumulate)
                            }
                        }
                    }
                }
                let worst = Self.worstError(c, initial: initial, ldc: ldc, rows: rows, columns: columns, accumulate: accumulate) {
                    row, column in
                    var sum = 0.0
                    for s in 0..<segments {
                        for i in 0..<width {
                            sum += Double(a[(s * width + i) * mr + row]) * Double(b[s * bSegmentStride + i + column])
                        }
                    }
                    return sum
                }
                #expect(worst < 1e-5, "\(k) strip \(width) rows \(rows) columns \(columns) accumulate \(accumulate)")
            }
        }
    }

    /// The largest difference between the tile `c` (rows `ldc` apart) and what it must hold:
    /// `value(row, column)` (added to `initial` when `accumulate`) inside `rows × columns`, and
    /// `initial` untouched everywhere else.
    private static func worstError(
        _ c: [Float], initial: [Float], ldc: Int, rows: Int, columns: Int, accumulate: Bool,
        value: (_ row: Int, _ column: Int) -> Double
    ) -> Double {
        var worst = 0.0
        for e in c.indices {
            let (row, column) = e.quotientAndRemainder(dividingBy: ldc)
            var want = Double(initial[e])
            if row < rows && column < columns {
                want = accumulate ? want + value(row, column) : value(row, column)
            }
            worst = max(worst, abs(Double(c[e]) - want))
        }
        return worst
    }

    /// The padded image's slack covers the tiles that read it, in every set (the buffer is
    /// sized before the set in use is known to it).
    @Test(arguments: KernelSet.allCases)
    func paddedImageSlackCoversTheKernels(_ set: KernelSet) {
        let f = set.family
        #expect(PaddedImage.maxTileRows >= f.wide.mr && PaddedImage.maxTileRows >= f.narrow.mr)
        #expect(PaddedImage.maxTileRows >= f.wideShort.mr && PaddedImage.maxTileRows >= f.narrowShort.mr)
        #expect(f.channelTiled.allSatisfy { $0.nr <= PaddedImage.maxTileColumns })
        #expect(set.all.allSatisfy { $0.nr % set.lanes == 0 })
    }

    /// Records the kernel type a `KernelSet.dispatch` body was compiled for.
    private struct Seen: KernelGeneric {
        let seen: UnsafeMutablePointer<ObjectIdentifier?>

        func run<K: MicroKernel>(with kernel: K.Type) { seen.pointee = ObjectIdentifier(K.self) }
    }

    /// `dispatch` runs its body with the kernel it was given, for every kernel of the set.
    @Test(arguments: kernels)
    func dispatchRunsTheGivenKernel(_ kernel: KernelCase) throws {
        var seen: ObjectIdentifier?
        try withUnsafeMutablePointer(to: &seen) { p in
            try KernelSet.run(on: kernel.set) { KernelSet.dispatch(kernel.kernel, Seen(seen: p)) }
        }
        #expect(seen == ObjectIdentifier(kernel.kernel), "\(kernel)")
    }
}

/// One micro-kernel of one set, as a test argument.
struct KernelCase: Sendable, CustomTestStringConvertible {
    let set: KernelSet
    /// Index into `set.all`.
    let index: Int

    var kernel: any MicroKernel.Type { self.set.all[index] }
    var testDescription: String { "\(set.rawValue) \(kernel)" }
}
