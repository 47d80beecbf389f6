/// The validated sizes of one convolution (one image's worth; the batch size is kept apart).
///
/// Produced by `Conv2D` after every operand check, so the kernels that take it can trust
/// that `outHeight`/`outWidth` follow `floor((n + 2p − f)/s) + 1` and are at least 1.
struct ConvGeometry: Sendable {
    var height: Int
    var width: Int
    var channels: Int
    var filter: Int
    var stride: Int
    var padding: Int
    var outHeight: Int
    var outWidth: Int
    var outChannels: Int

    /// Elements of one input image, `n_H × n_W × n_c`.
    var imageSize: Int { height &* width &* channels }
    /// Output pixels of one image, `n_H' × n_W'`.
    var pixels: Int { outHeight &* outWidth }
    /// Length of one receptive field, `f × f × n_c` (the GEMM depth).
    var patchSize: Int { filter &* filter &* channels }

    /// The output columns `ox` whose tap `fx` lands inside the input row (not in padding).
    func validColumns(tap fx: Int) -> Range<Int> {
        // ix = ox·s + fx − p must lie in 0..<width.
        let offset = fx &- padding
        let lo = offset >= 0 ? 0 : (-offset &+ stride &- 1) / stride
        let hi = offset > width &- 1 ? 0 : (width &- 1 &- offset) / stride &+ 1
        return lo..<max(lo, min(hi, outWidth))
    }

    /// The taps `fx` of output column `ox` that land inside the input row.
    func validTaps(column ox: Int) -> Range<Int> {
        let ix0 = ox &* stride &- padding
        let lo = max(0, -ix0)
        let hi = min(filter, width &- ix0)
        return lo..<max(lo, hi)
    }
}
