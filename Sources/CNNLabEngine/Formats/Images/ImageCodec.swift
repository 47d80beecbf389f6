import ConvCore

/// Reading any supported image and writing feature maps as PNG.
///
/// The format is recognised by the file's first bytes, never by its name: a `.png` that is
/// really a JPEG still loads, and a text file renamed `.png` is `.unrecognized`.
public enum ImageCodec {
    /// The largest image file read: 256 MiB (a photograph is a few MB).
    public static let maxFileBytes = 256 << 20

    /// Formats that are recognised only to name them in the error.
    private static let otherFormats: [(magic: [UInt8], name: String)] = [
        (Array("GIF8".utf8), "GIF"), (Array("BM".utf8), "BMP"), (Array("RIFF".utf8), "RIFF (WebP?)"),
        ([0x49, 0x49, 0x2A, 0x00], "TIFF"), ([0x4D, 0x4D, 0x00, 0x2A], "TIFF"),
    ]

    /// Decodes a PNG, JPEG or PNM (P2/P3/P5/P6) file to an image of 1 or 3 channels in [0, 1].
    /// See `PNGCodec`, `JPEGCodec` and `PNMCodec` for what each reads and how alpha is handled.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        if bytes.starts(with: PNGCodec.signature) { return try PNGCodec.decode(bytes) }
        if bytes.starts(with: JPEGCodec.signature) { return try JPEGCodec.decode(bytes) }
        if PNMCodec.matches(bytes) { return try PNMCodec.decode(bytes) }
        if let other = otherFormats.first(where: { bytes.starts(with: $0.magic) }) {
            throw .unsupported("\(other.name) images (convert to PNG)")
        }
        throw .unrecognized
    }

    /// An 8-bit grayscale PNG of a feature map, for `save`.
    ///
    /// `gray` is H×W or H×W×1. Values are min–max scaled so the smallest becomes 0 (black) and
    /// the largest 255 (white): a map of any range becomes visible, and the returned scale lets
    /// the caller say what black and white mean. A constant map becomes mid-gray (128).
    /// NaN is drawn black, +∞ white and −∞ black; they do not count towards the range (which is
    /// 0…0 when no value is finite) but are counted in the scale, so the caller can warn.
    /// - Throws: `.unsupported` for other shapes, `.tooLarge` past `Image.maxDimension`.
    public static func encodePNG(gray: Tensor) throws(ImageError) -> (bytes: [UInt8], scale: GrayScale) {
        guard gray.rank == 2 || (gray.rank == 3 && gray.shape[2] == 1) else {
            throw .unsupported("a tensor of shape \(gray.shape); save writes one H×W map")
        }
        let height = gray.shape[0], width = gray.shape[1]
        _ = try Image.checkedSampleCount(width: width, height: height, channels: 1)
        let scale = GrayScale.measuring(gray.storage)
        let samples = gray.storage.map(scale.level)
        return (try PNGCodec.encodeGray(samples, width: width, height: height), scale)
    }
}
