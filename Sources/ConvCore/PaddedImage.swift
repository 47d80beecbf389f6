/// A reusable zero-bordered copy of one NHWC image, `(n_H + 2p) × (n_W + 2p) × n_c`, that the
/// direct-convolution micro-kernels read windows from without bounds checks.
///
/// The border is zeroed once; each `load` rewrites only the interior. The buffer has slack past
/// the last padded row: a micro-kernel tile may read up to `maxTileRows` window rows (or window
/// entries), or `maxTileColumns` entries, beyond the last real one — those results are dropped,
/// but the reads must stay inside the allocation. Owned by one thread; `deallocate` when done.
struct PaddedImage {
    let geometry: ConvGeometry
    /// Padded row length in pixels, `n_W + 2p`.
    let width: Int
    let base: UnsafeMutablePointer<Float>
    /// Floats in the buffer (from `ScratchPool`).
    private let count: Int

    /// Largest `mr` of any micro-kernel reading the buffer.
    static let maxTileRows = KernelSet.maxPaddedImageRows
    /// Largest `nr` of any micro-kernel reading the buffer as its B operand.
    static let maxTileColumns = KernelSet.maxPaddedImageColumns

    init(_ geometry: ConvGeometry) {
        self.geometry = geometry
        width = geometry.width &+ 2 &* geometry.padding
        let rows = geometry.height &+ 2 &* geometry.padding
        // Forward tiles overrun the last window by < mr·s·n_c floats, weight-gradient tiles by < mr
        // (or by < nr when the entries are the B operand, `ChannelTiledWeightGradient`).
        count = rows &* width &* geometry.channels
            &+ PaddedImage.maxTileRows &* geometry.stride &* geometry.channels &+ PaddedImage.maxTileColumns
        base = ScratchPool.take(count)
        base.initialize(repeating: 0, count: count)
    }

    /// Floats between the starts of two consecutive padded rows.
    var rowStride: Int { width &* geometry.channels }

    /// Copies `image` (one unpadded NHWC image) into the interior.
    func load(_ image: UnsafePointer<Float>) {
        let g = geometry
        let rowCount = g.width &* g.channels
        for y in 0..<g.height {
            let dst = base + ((y &+ g.padding) &* width &+ g.padding) &* g.channels
            dst.update(from: image + y &* rowCount, count: rowCount)
        }
    }

    /// Returns the buffer to `ScratchPool`.
    func deallocate() { ScratchPool.give(base, count: count) }
}
