import _CPNG

/// PNG through libpng's simplified API (`png_image_*`).
///
/// libpng reports errors by longjmp, which must never cross Swift frames. The simplified API
/// catches its own longjmps (`png_safe_execute`) and returns 0 with a message in
/// `png_image.message`, so a truncated or corrupt file is an error value, never a crash.
///
/// A file without its `IEND` chunk is refused as truncated, although libpng would return the
/// rows it got: a cut-off download should say so rather than show a plausible picture.
///
/// Reading: gray files (any bit depth) come out as one channel, colour and palette files as
/// RGB. Alpha (an alpha channel or a `tRNS` chunk) is composited on black. 16-bit samples are
/// rounded to 8 bits (`PNG_IMAGE_FLAG_16BIT_sRGB`: taken as already gamma-encoded, like every
/// other viewer does); a file with a `gAMA` or `sRGB` chunk is converted to sRGB by libpng.
enum PNGCodec {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The whole last chunk: length 0, type `IEND`, its CRC.
    static let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        let result = bytes.withUnsafeBufferPointer { buffer in decode(buffer) }
        return try result.get()
    }

    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Image, ImageError> {
        guard let base = buffer.baseAddress else { return .failure(.malformed("empty PNG file")) }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_memory(&image, base, buffer.count) != 0 else {
            return .failure(.malformed(message(of: image)))
        }
        guard hasEnd(buffer) else { return .failure(.malformed("truncated: the file ends before its IEND chunk")) }
        let width = Int(image.width), height = Int(image.height)
        let color = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
        let alpha = image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = color ? 3 : 1
        let stored = channels + (alpha ? 1 : 0)
        let count: Int
        do {
            count = try Image.checkedSampleCount(width: width, height: height, channels: stored)
        } catch {
            return .failure(error)
        }
        image.format = (color ? UInt32(PNG_FORMAT_FLAG_COLOR) : 0) | (alpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var samples = [UInt8](repeating: 0, count: count)
        let ok = samples.withUnsafeMutableBytes { out in
            png_image_finish_read(&image, nil, out.baseAddress, 0, nil)
        }
        guard ok != 0 else { return .failure(.malformed(message(of: image))) }
        let pixels = alpha ? compositedOnBlack(samples, channels: channels) : samples.map { Float($0) / 255 }
        return .success(Image(validWidth: width, height: height, channels: channels, pixels: pixels))
    }

    /// Whether the `IEND` chunk is present (normally the last 12 bytes; later bytes are tolerated).
    private static func hasEnd(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard buffer.count >= signature.count + end.count else { return false }
        return (signature.count...(buffer.count - end.count)).reversed().contains { start in
            buffer[start..<(start + end.count)].elementsEqual(end)
        }
    }

    /// Colour samples times opacity, dropping the alpha sample that follows each pixel's colours.
    private static func compositedOnBlack(_ samples: [UInt8], channels: Int) -> [Float] {
        let stride = channels + 1
        let pixelCount = samples.count / stride
        var out = [Float](repeating: 0, count: pixelCount * channels)
        for p in 0..<pixelCount {
            let opacity = Float(samples[p * stride + channels]) / 255
            for c in 0..<channels {
                out[p * channels + c] = Float(samples[p * stride + c]) / 255 * opacity
            }
        }
        return out
    }

    /// An 8-bit grayscale PNG of `width × height` samples, row-major.
    static func encodeGray(_ samples: [UInt8], width: Int, height: Int) throws(ImageError) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_GRAY)
        defer { png_image_free(&image) }
        var size = 0
        let sized = samples.withUnsafeBytes { pixels in
            png_image_write_to_memory(&image, nil, &size, 0, pixels.baseAddress, 0, nil)
        }
        guard sized != 0, size > 0 else { throw .malformed(message(of: image)) }
        var out = [UInt8](repeating: 0, count: size)
        let written = out.withUnsafeMutableBytes { memory in
            samples.withUnsafeBytes { pixels in
                png_image_write_to_memory(&image, memory.baseAddress, &size, 0, pixels.baseAddress, 0, nil)
            }
        }
        guard written != 0 else { throw .malformed(message(of: image)) }
        return Array(out.prefix(size))
    }

    /// libpng's error text (at most 63 characters, NUL-terminated).
    private static func message(of image: png_image) -> String {
        let text = withUnsafeBytes(of: image.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        return text.isEmpty ? "not a readable PNG file" : text
    }
}
