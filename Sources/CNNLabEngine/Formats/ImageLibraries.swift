import _CJPEG
import _CPNG

/// Versions of the image libraries cnnlab links (for `cnnlab --version` and bug reports).
public enum ImageLibraries {
    public static var pngVersion: String { String(cString: png_get_libpng_ver(nil)) }
    public static var jpegVersion: Int { Int(JPEG_LIB_VERSION) }
}
