import _CJPEG

/// JPEG through libjpeg-turbo, driven by the C functions in `_CJPEG/shim.h`.
///
/// libjpeg's fatal errors must not return to the decoder, and the usual setjmp/longjmp cure
/// cannot be written in Swift, so the shim runs every libjpeg call behind its own jump point
/// (see the comment there). Warnings count as errors: a truncated or corrupt file is refused.
///
/// Baseline and progressive files are read; gray files come out as one channel, YCbCr/RGB as
/// RGB, and CMYK/YCCK (Adobe) files are converted with the naive formula
/// `R = (1 − C)(1 − K)` (likewise G with M, B with Y), without a colour profile.
enum JPEGCodec {
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    static func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        guard let decoder = cnn_jpeg_new() else { throw .malformed("out of memory") }
        defer { cnn_jpeg_free(decoder) }
        // The decoder reads `bytes` in place, so both steps run inside one buffer access.
        let result = bytes.withUnsafeBufferPointer { buffer in decode(buffer, with: decoder) }
        return try result.get()
    }

    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, with decoder: UnsafeMutablePointer<cnn_jpeg_decoder>) -> Result<Image, ImageError> {
        guard let base = buffer.baseAddress,
              cnn_jpeg_read_header(decoder, base, UInt(buffer.count)) == 0
        else { return .failure(failure(decoder)) }
        let width = Int(cnn_jpeg_width(decoder)), height = Int(cnn_jpeg_height(decoder))
        let components = Int(cnn_jpeg_components(decoder))
        let count: Int
        do {
            count = try Image.checkedSampleCount(width: width, height: height, channels: components)
        } catch {
            return .failure(error)
        }
        var samples = [UInt8](repeating: 0, count: count)
        let status = samples.withUnsafeMutableBufferPointer { out in
            cnn_jpeg_read_pixels(decoder, out.baseAddress, out.count)
        }
        guard status == 0 else { return .failure(failure(decoder)) }
        if components == 4 {
            let rgb = rgbFromCMYK(samples, inverted: cnn_jpeg_adobe(decoder) != 0)
            return .success(Image(validWidth: width, height: height, channels: 3, pixels: rgb))
        }
        return .success(Image(validWidth: width, height: height, channels: components, pixels: samples.map { Float($0) / 255 }))
    }

    /// RGB from CMYK samples; Adobe files store `255 − ink`, so there a sample is the remaining light.
    private static func rgbFromCMYK(_ samples: [UInt8], inverted: Bool) -> [Float] {
        let pixelCount = samples.count / 4
        var out = [Float](repeating: 0, count: pixelCount * 3)
        for p in 0..<pixelCount {
            let light = (0..<4).map { i in
                let v = Float(samples[4 * p + i]) / 255
                return inverted ? v : 1 - v
            }
            for c in 0..<3 { out[3 * p + c] = light[c] * light[3] }
        }
        return out
    }

    private static func failure(_ decoder: UnsafeMutablePointer<cnn_jpeg_decoder>) -> ImageError {
        let text = String(cString: cnn_jpeg_error(decoder))
        return .malformed(text.isEmpty ? "not a readable JPEG file" : text)
    }
}
