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
        let (bytes, low, high) = try ImageCodec.encodePNG(gray: map)
        #expect(low == -1 && high == 3)
        #expect(bytes.starts(with: PNGCodec.signature))
        let image = try ImageCodec.decode(bytes)
        #expect(image.width == 3 && image.height == 2 && image.channels == 1)
        for (got, v) in zip(image.pixels, map.storage) {
            #expect(abs(got - (v + 1) / 4) <= 0.5 / 255 + 1e-6)
        }
        #expect(image.pixels.first == 0 && image.pixels[3] == 1)
    }

    @Test func aConstantMapIsMidGray() throws {
        let (bytes, low, high) = try ImageCodec.encodePNG(gray: Tensor(shape: [3, 4, 1], repeating: 7))
        #expect(low == 7 && high == 7)
        #expect(try ImageCodec.decode(bytes).pixels == [Float](repeating: 128 / 255, count: 12))
    }

    @Test func nonFiniteValuesAreBlackOrWhiteAndDoNotSetTheScale() throws {
        let map = try Tensor(shape: [1, 5], storage: [.nan, .infinity, -.infinity, 2, 4])
        let (bytes, low, high) = try ImageCodec.encodePNG(gray: map)
        #expect(low == 2 && high == 4)
        #expect(try ImageCodec.decode(bytes).pixels == [0, 1, 0, 0, 1])
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
