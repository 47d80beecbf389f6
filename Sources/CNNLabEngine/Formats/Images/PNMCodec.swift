/// Netpbm gray and colour maps, in pure Swift: P2 (ASCII gray), P3 (ASCII RGB),
/// P5 (binary gray), P6 (binary RGB), with any maxval from 1 to 65535 (binary samples above
/// 255 take two bytes, most significant first). Samples are divided by maxval.
///
/// Bitmaps (P1/P4) and PAM (P7) are recognised but unsupported. Every count is checked
/// against the data before anything is allocated, so a hostile header is an error, never a
/// huge allocation or a trap. See https://netpbm.sourceforge.net/doc/pgm.html and ppm.html.
enum PNMCodec {
    /// `P1`…`P7` followed by whitespace.
    static func matches(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == UInt8(ascii: "P") && (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(bytes[1])
            && PNMScanner.isWhitespace(bytes[2])
    }

    static func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        guard matches(bytes) else { throw .malformed("missing the P2/P3/P5/P6 magic number") }
        let kind = bytes[1]
        let channels: Int, binary: Bool
        switch kind {
        case UInt8(ascii: "2"): (channels, binary) = (1, false)
        case UInt8(ascii: "3"): (channels, binary) = (3, false)
        case UInt8(ascii: "5"): (channels, binary) = (1, true)
        case UInt8(ascii: "6"): (channels, binary) = (3, true)
        case UInt8(ascii: "7"): throw .unsupported("PAM (P7) files")
        default: throw .unsupported("PBM bitmaps (P1/P4)")
        }
        var scanner = PNMScanner(bytes: bytes, position: 2)
        let width = try scanner.number(named: "width")
        let height = try scanner.number(named: "height")
        let maxval = try scanner.number(named: "maxval")
        guard width > 0, height > 0 else { throw .malformed("a size of \(width)×\(height) pixels") }
        guard (1...65535).contains(maxval) else { throw .malformed("maxval \(maxval) is outside 1...65535") }
        let count = try Image.checkedSampleCount(width: width, height: height, channels: channels)
        let samples = binary
            ? try scanner.binarySamples(count, wide: maxval > 255)
            : try scanner.asciiSamples(count)
        let scale = 1 / Float(maxval)
        var pixels = [Float](repeating: 0, count: count)
        for (i, s) in samples.enumerated() {
            guard s <= maxval else { throw .malformed("sample \(s) exceeds maxval \(maxval)") }
            pixels[i] = Float(s) * scale
        }
        return Image(validWidth: width, height: height, channels: channels, pixels: pixels)
    }
}

/// Reads the decimal numbers and raster of a PNM file, skipping whitespace and `#` comments.
private struct PNMScanner {
    let bytes: [UInt8]
    var position: Int

    /// Values at or above this are reported as this: big enough to be too large, small enough not to overflow.
    private static let cap = 1 << 32

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C || b == 0x0D
    }

    private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }

    private mutating func skipSeparators() {
        while position < bytes.count {
            if Self.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next unsigned decimal number, which must end at whitespace, a comment or the end of the file.
    mutating func number(named name: String) throws(ImageError) -> Int {
        skipSeparators()
        guard position < bytes.count else { throw .malformed("the file ends before the \(name)") }
        guard Self.isDigit(bytes[position]) else {
            throw .malformed("expected the \(name), found '\(Character(Unicode.Scalar(bytes[position])))'")
        }
        var value = 0
        while position < bytes.count, Self.isDigit(bytes[position]) {
            value = min(value * 10 + Int(bytes[position] - UInt8(ascii: "0")), Self.cap)
            position += 1
        }
        if position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "#") {
            throw .malformed("the \(name) is followed by '\(Character(Unicode.Scalar(bytes[position])))'")
        }
        return value
    }

    /// `count` ASCII samples. Each takes at least two bytes (a digit and a separator), which
    /// bounds `count` by the file size before the array is allocated.
    mutating func asciiSamples(_ count: Int) throws(ImageError) -> [Int] {
        guard bytes.count - position >= 2 * count else {
            throw .malformed("too few samples: \(count) expected in \(bytes.count - position) bytes")
        }
        var samples = [Int](repeating: 0, count: count)
        for i in 0..<count {
            skipSeparators()
            guard position < bytes.count else { throw .malformed("too few samples: \(i) of \(count)") }
            samples[i] = try number(named: "sample \(i + 1)")
        }
        return samples
    }

    /// `count` binary samples after the single whitespace byte that ends the header.
    mutating func binarySamples(_ count: Int, wide: Bool) throws(ImageError) -> [Int] {
        let size = wide ? 2 : 1
        guard position < bytes.count, Self.isWhitespace(bytes[position]) else {
            throw .malformed("the header must end with one whitespace byte before the pixels")
        }
        let start = position + 1
        guard bytes.count - start >= count * size else {
            throw .malformed("truncated: \(count * size) bytes of pixels expected, \(bytes.count - start) present")
        }
        if !wide { return bytes[start..<(start + count)].map { Int($0) } }
        return (0..<count).map { i in Int(bytes[start + 2 * i]) << 8 | Int(bytes[start + 2 * i + 1]) }
    }
}
