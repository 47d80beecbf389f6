import ConvCore

/// A decoded picture: pixels as H×W×C Float32 in [0, 1], row-major, channels last
/// (C = 1 for gray, 3 for RGB).
///
/// Decoders never produce alpha: a transparent pixel is composited on black (each colour
/// sample is multiplied by its opacity), so what the network sees is what a dark viewer shows.
public struct Image: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var channels: Int
    /// `height × width × channels` samples in [0, 1]; pixel (y, x) starts at `(y * width + x) * channels`.
    public var pixels: [Float]

    /// The longest side cnnlab reads, writes or resizes to.
    public static let maxDimension = 16384

    /// An image over existing samples.
    /// - Throws: `.unsupported` unless `channels` is 1 or 3 and `pixels` holds exactly
    ///   `height × width × channels` samples; `.tooLarge` beyond the size limits.
    public init(width: Int, height: Int, channels: Int, pixels: [Float]) throws(ImageError) {
        guard channels == 1 || channels == 3 else { throw .unsupported("\(channels) channels (images have 1 or 3)") }
        let count = try Image.checkedSampleCount(width: width, height: height, channels: channels)
        guard pixels.count == count else {
            throw .unsupported("\(pixels.count) samples for a \(width)×\(height)×\(channels) image")
        }
        self.init(validWidth: width, height: height, channels: channels, pixels: pixels)
    }

    /// For codecs and transforms whose sizes are already checked.
    init(validWidth width: Int, height: Int, channels: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// `width × height × channels`, after checking each side is in 1...`maxDimension` and the
    /// total fits a tensor. Decoders call this before allocating anything for the pixels.
    static func checkedSampleCount(width: Int, height: Int, channels: Int) throws(ImageError) -> Int {
        guard width >= 1, height >= 1 else { throw .unsupported("an image of \(width)×\(height) pixels") }
        guard width <= maxDimension, height <= maxDimension,
              width * height * channels <= Tensor.maxElementCount
        else { throw .tooLarge(width: width, height: height) }
        return width * height * channels
    }
}

extension Image {
    /// The image as a tensor of shape H×W×C, or H×W when it is gray, each value times
    /// `scale` (1 keeps [0, 1]; 255 gives the 0–255 range many lecture examples use).
    public func tensor(scale: Float) throws(TensorError) -> Tensor {
        let shape = channels == 1 ? [height, width] : [height, width, channels]
        return try Tensor(shape: shape, storage: scale == 1 ? pixels : pixels.map { $0 * scale })
    }

    /// A one-channel copy using ITU-R BT.601 luma, `0.299 R + 0.587 G + 0.114 B` (the weights
    /// of JPEG, PIL's `convert("L")` and the MNIST-era literature). Gray images are returned as is.
    public func grayscale() -> Image {
        guard channels == 3 else { return self }
        let count = pixels.count / 3
        var gray = [Float](repeating: 0, count: count)
        for i in 0..<count {
            gray[i] = 0.299 * pixels[3 * i] + 0.587 * pixels[3 * i + 1] + 0.114 * pixels[3 * i + 2]
        }
        return Image(validWidth: width, height: height, channels: 1, pixels: gray)
    }
}
