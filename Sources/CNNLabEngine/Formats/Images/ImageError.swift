/// Why an image could not be read, written or resized.
public enum ImageError: Error, Equatable, Sendable {
    /// The bytes are not PNG, JPEG or PNM (the format is recognised by its magic bytes, not the file name).
    case unrecognized
    /// The file claims a known format but is damaged: truncated, corrupt or inconsistent.
    case malformed(String)
    /// A valid file or request cnnlab does not handle (another format, a bitmap PNM, an odd shape).
    case unsupported(String)
    /// The picture is larger than `Image.maxDimension` on a side or than `Tensor.maxElementCount` in all.
    case tooLarge(width: Int, height: Int)
}
