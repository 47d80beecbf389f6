import ConvCore

extension Image {
    /// A copy of `width × height` pixels, resampled one axis at a time.
    ///
    /// Along an axis that shrinks, each output pixel is the area average of the input pixels it
    /// covers (fractional overlaps weighted by their length), so a 4×4 → 2×2 resize averages
    /// 2×2 blocks exactly and thin lines fade rather than vanish. Along an axis that grows,
    /// values are bilinearly interpolated between pixel centres (the half-pixel convention of
    /// PIL and OpenCV, edges clamped). Both preserve a constant image.
    /// - Throws: `.unsupported` for a size below 1×1 or an inconsistent image, `.tooLarge` past the limits.
    public func resized(width newWidth: Int, height newHeight: Int) throws(ImageError) -> Image {
        guard Tensor.elementCount([height, width, channels]) == pixels.count else {
            throw .unsupported("\(pixels.count) samples for a \(width)×\(height)×\(channels) image")
        }
        _ = try Image.checkedSampleCount(width: newWidth, height: newHeight, channels: channels)
        let columns = ResampleAxis(from: width, to: newWidth)
        let rows = ResampleAxis(from: height, to: newHeight)
        // Horizontal pass: height × newWidth; then vertical: newHeight × newWidth.
        var wide = [Float](repeating: 0, count: height * newWidth * channels)
        for y in 0..<height {
            for (x, taps) in columns.taps.enumerated() {
                for c in 0..<channels {
                    var sum: Float = 0
                    for tap in taps { sum += tap.weight * pixels[(y * width + tap.source) * channels + c] }
                    wide[(y * newWidth + x) * channels + c] = sum
                }
            }
        }
        var out = [Float](repeating: 0, count: newHeight * newWidth * channels)
        let rowLength = newWidth * channels
        for (y, taps) in rows.taps.enumerated() {
            for i in 0..<rowLength {
                var sum: Float = 0
                for tap in taps { sum += tap.weight * wide[tap.source * rowLength + i] }
                out[y * rowLength + i] = sum
            }
        }
        return Image(validWidth: newWidth, height: newHeight, channels: channels, pixels: out)
    }
}

/// Which input pixels, with which weights, make each output pixel along one axis.
struct ResampleAxis {
    struct Tap {
        var source: Int
        var weight: Float
    }

    /// For each output index, its taps; the weights of each output sum to 1.
    let taps: [[Tap]]

    init(from input: Int, to output: Int) {
        if output < input {
            taps = (0..<output).map { ResampleAxis.areaTaps(for: $0, from: input, to: output) }
        } else if output > input {
            taps = (0..<output).map { ResampleAxis.bilinearTaps(for: $0, from: input, to: output) }
        } else {
            taps = (0..<output).map { [Tap(source: $0, weight: 1)] }
        }
    }

    /// Output pixel `i` covers input `[i·n/m, (i+1)·n/m)`; in units of 1/m that is `[i·n, (i+1)·n)`
    /// and input pixel `j` is `[j·m, (j+1)·m)`, so the overlaps are exact integers.
    private static func areaTaps(for i: Int, from n: Int, to m: Int) -> [Tap] {
        let start = i * n, end = (i + 1) * n
        return (start / m...(end - 1) / m).map { j in
            let overlap = min(end, (j + 1) * m) - max(start, j * m)
            return Tap(source: j, weight: Float(overlap) / Float(n))
        }
    }

    /// The output centre `i + ½` maps to input coordinate `(i + ½)·n/m − ½`, clamped to the edge pixels.
    private static func bilinearTaps(for i: Int, from n: Int, to m: Int) -> [Tap] {
        let x = min(max((Double(i) + 0.5) * Double(n) / Double(m) - 0.5, 0), Double(n - 1))
        let left = Int(x.rounded(.down))
        let t = Float(x - Double(left))
        guard left + 1 < n, t > 0 else { return [Tap(source: left, weight: 1)] }
        return [Tap(source: left, weight: 1 - t), Tap(source: left + 1, weight: t)]
    }
}
