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

}
