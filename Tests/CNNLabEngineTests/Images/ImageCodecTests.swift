import ConvCore
import Testing
@testable import CNNLabEngine

/// Format sniffing and writing feature maps as PNG.
@Suite struct ImageCodecTests {
    @Test func theFormatComesFromTheBytesNotTheName() throws {
        // A JPEG's bytes decode as JPEG whatever the file is called; the codec never sees a name.
        #expect(try ImageCodec.decode(imageFixture("gray.jpg")).channels == 1)
        #expect(throws: ImageError.unrecognized) { try ImageCodec.decode(Array("hello, world".utf8)) }
        #expect(throws: ImageError.unrecognized) { try ImageCodec.decode([]) }
        #expect(throws: ImageError.unsupported("GIF images (convert to PNG)")) {
            try ImageCodec.decode(Array("GIF89a".utf8) + [0, 0, 0, 0])
        }
    }

    @Test func aSavedMapReadsBackAsItsMinMaxScaledValues() throws {
        let map = try Tensor(shape: [2, 3], storage: [-1, 0.5, 2, 3, 0, 1])
        let (bytes, scale) = try ImageCodec.encodePNG(gray: map)
        #expect(scale == GrayScale(range: -1...3))
        #expect(bytes.starts(with: PNGCodec.signature))
        let image = try ImageCodec.decode(bytes)
        #expect(image.width == 3 && image.height == 2 && image.channels == 1)
        for (got, v) in zip(image.pixels, map.storage) {
            #expect(abs(got - (v + 1) / 4) <= 0.5 / 255 + 1e-6)
        }
        #expect(image.pixels.first == 0 && image.pixels[3] == 1)
    }

    @Test func aConstantMapIsMidGray() throws {
        let (bytes, scale) = try ImageCodec.encodePNG(gray: Tensor(shape: [3, 4, 1], repeating: 7))
        #expect(scale == GrayScale(range: 7...7))
        #expect(try ImageCodec.decode(bytes).pixels == [Float](repeating: 128 / 255, count: 12))
    }

    @Test func nonFiniteValuesAreBlackOrWhiteAreCountedAndDoNotSetTheScale() throws {
        let map = try Tensor(shape: [1, 6], storage: [.nan, .infinity, -.infinity, 2, 4, .nan])
        let (bytes, scale) = try ImageCodec.encodePNG(gray: map)
        #expect(scale == GrayScale(range: 2...4, notANumber: 2, infinite: 2))
        #expect(scale.nonFinite == 4)
        #expect(try ImageCodec.decode(bytes).pixels == [0, 1, 0, 0, 1, 0])
        let (_, none) = try ImageCodec.encodePNG(gray: Tensor(shape: [1, 2], storage: [.nan, .nan]))
        #expect(none == GrayScale(range: 0...0, notANumber: 2))
    }

    @Test func aRangeWiderThanFloatCanHoldStillMapsOntoBlackToWhite() throws {
        // max − min overflows Float to ∞ (and ∞/∞ is NaN, which UInt8() traps on): scaling
        // happens in Double.
        let map = try Tensor(shape: [1, 3], storage: [-Float.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude])
        let (bytes, scale) = try ImageCodec.encodePNG(gray: map)
        #expect(scale.range == -Float.greatestFiniteMagnitude...Float.greatestFiniteMagnitude)
        let levels = try ImageCodec.decode(bytes).pixels.map { ($0 * 255).rounded() }
        #expect(levels == [0, 128, 255])
    }

    @Test func onlyOneChannelMapsCanBeSaved() throws {
        #expect(throws: ImageError.unsupported("a tensor of shape [2, 2, 3]; save writes one H×W map")) {
            try ImageCodec.encodePNG(gray: Tensor(shape: [2, 2, 3]))
        }
        #expect(throws: ImageError.unsupported("a tensor of shape [4]; save writes one H×W map")) {
            try ImageCodec.encodePNG(gray: Tensor(shape: [4]))
        }
        #expect(throws: ImageError.tooLarge(width: 16385, height: 1)) {
            try ImageCodec.encodePNG(gray: Tensor(shape: [1, 16385]))
        }
    }
}
