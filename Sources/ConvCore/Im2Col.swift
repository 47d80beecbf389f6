/// Rearranges convolution windows into matrices and back, so a convolution becomes a GEMM.
///
/// In NHWC a window row `(fy, fx…fx+f−1, all channels)` is one contiguous run of `f · n_c`
/// floats, which makes both directions cheap copies.
enum Im2Col {
    /// Writes the receptive fields of one NHWC image as the columns of a `patchSize × ld` matrix:
    /// entry `(k, p)` with `k = (fy·f + fx)·n_c + c` and `p = oy·n_W' + ox` is
    /// `x[oy·s + fy − p, ox·s + fx − p, c]`, or 0 where the window covers padding.
    /// Columns `pixels..<ld` are left as they are. This is `colᵀ`: as a column-major matrix it is
    /// the GEMM's left operand `col` (pixels × patch) read without packing.
    static func patchesTransposed(
        image: UnsafePointer<Float>, _ g: ConvGeometry, into out: UnsafeMutablePointer<Float>, ld: Int
    ) {
        let c = g.channels, s = g.stride, ow = g.outWidth
        let step = s &* c
        var k = 0
        for fy in 0..<g.filter {
            for fx in 0..<g.filter {
                let valid = g.validColumns(tap: fx)
                for ch in 0..<c {
                    let row = out + k &* ld
                    for oy in 0..<g.outHeight {
                        let dst = row + oy &* ow
                        let iy = oy &* s &+ fy &- g.padding
                        guard iy >= 0, iy < g.height, !valid.isEmpty else {
                            dst.update(repeating: 0, count: ow)
                            continue
                        }
                        for ox in 0..<valid.lowerBound { dst[ox] = 0 }
                        let ix = valid.lowerBound &* s &+ fx &- g.padding
                        let src = image + ((iy &* g.width &+ ix) &* c &+ ch)
                        var i = 0
                        for ox in valid { dst[ox] = src[i]; i &+= step }
                        for ox in valid.upperBound..<ow { dst[ox] = 0 }
                    }
                    k &+= 1
                }
            }
        }
    }

    /// Adds a `pixels × patchSize` row-major matrix of window gradients back onto one NHWC image
    /// (the adjoint of `patchesTransposed`): every window entry lands on the input element it was
    /// read from; entries that fell on padding are dropped. `image` must be zeroed by the caller.
    static func addPatches(
        _ rows: UnsafePointer<Float>, _ g: ConvGeometry, into image: UnsafeMutablePointer<Float>
    ) {
        let c = g.channels, f = g.filter
        let k = g.patchSize
        var row = rows
        for oy in 0..<g.outHeight {
            for ox in 0..<g.outWidth {
                let taps = g.validTaps(column: ox)
                let ix0 = ox &* g.stride &- g.padding
                for fy in 0..<f {
                    let iy = oy &* g.stride &+ fy &- g.padding
                    guard iy >= 0, iy < g.height else { continue }
                    let src = row + (fy &* f &+ taps.lowerBound) &* c
                    let dst = image + (iy &* g.width &+ ix0 &+ taps.lowerBound) &* c
                    for i in 0..<(taps.count &* c) { dst[i] += src[i] }
                }
                row += k
            }
        }
    }
}
