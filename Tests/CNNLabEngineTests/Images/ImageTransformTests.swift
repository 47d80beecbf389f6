import ConvCore
import Testing
@testable import CNNLabEngine

/// Grayscale, resizing and conversion to tensors.
@Suite struct ImageTransformTests {
    private func gray(_ width: Int, _ height: Int, _ pixels: [Float]) throws -> Image {
        try Image(width: width, height: height, channels: 1, pixels: pixels)
    }

    @Test func grayscaleUsesBT601Luma() throws {
        let rgb = try Image(width: 4, height: 1, channels: 3, pixels: [1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0.5, 0.5])
        let luma = rgb.grayscale()
        #expect(luma.channels == 1 && luma.width == 4 && luma.height == 1)
        #expect(luma.pixels[0] == 0.299 && luma.pixels[1] == 0.587 && luma.pixels[2] == 0.114)
        #expect(abs(luma.pixels[3] - 0.5) < 1e-6)
        let g = try gray(2, 1, [0.25, 0.75])
        #expect(g.grayscale() == g)
    }

    @Test func shrinking4x4To2x2AveragesEachBlock() throws {
        let image = try gray(4, 4, (0..<16).map(Float.init))
        let small = try image.resized(width: 2, height: 2)
        // Top-left block 0 1 4 5 → 2.5; top-right 2 3 6 7 → 4.5; then 10.5 and 12.5.
        #expect(small.pixels == [2.5, 4.5, 10.5, 12.5])
    }

    @Test func shrinkingByAFractionWeighsPartialPixels() throws {
        // 3 → 2: output 0 covers input [0, 1.5), output 1 covers [1.5, 3).
        let small = try gray(3, 1, [0, 3, 6]).resized(width: 2, height: 1)
        #expect(small.pixels == [1, 5])
    }

    @Test func enlargingInterpolatesBetweenPixelCentres() throws {
        let big = try gray(2, 1, [0, 1]).resized(width: 4, height: 1)
        #expect(big.pixels == [0, 0.25, 0.75, 1])
    }

    @Test func aConstantImageStaysConstantWhateverTheSize() throws {
        let rgb = try Image(width: 3, height: 2, channels: 3, pixels: [Float](repeating: 0.4, count: 18))
        for (w, h) in [(7, 5), (1, 1), (2, 9), (3, 2)] {
            let out = try rgb.resized(width: w, height: h)
            #expect(out.width == w && out.height == h && out.channels == 3)
            #expect(out.pixels.allSatisfy { abs($0 - 0.4) < 1e-6 })
        }
    }

    @Test func resizingRefusesEmptyAndHugeSizes() throws {
        let image = try gray(2, 2, [0, 0, 0, 0])
        #expect(throws: ImageError.unsupported("an image of 0×3 pixels")) { try image.resized(width: 0, height: 3) }
        #expect(throws: ImageError.tooLarge(width: 20000, height: 2)) { try image.resized(width: 20000, height: 2) }
    }

    @Test func imagesAreCheckedWhenBuilt() {
        #expect(throws: ImageError.unsupported("3 samples for a 2×2×1 image")) {
            try Image(width: 2, height: 2, channels: 1, pixels: [0, 0, 0])
        }
        #expect(throws: ImageError.unsupported("4 channels (images have 1 or 3)")) {
            try Image(width: 1, height: 1, channels: 4, pixels: [0, 0, 0, 0])
        }
    }

    @Test func grayBecomesHxWAndColourHxWxC() throws {
        let g = try gray(3, 2, [0, 0.5, 1, 1, 0.5, 0])
        #expect(try g.tensor(scale: 1) == Tensor(shape: [2, 3], storage: g.pixels))
        #expect(try g.tensor(scale: 255).storage == [0, 127.5, 255, 255, 127.5, 0])
        let rgb = try Image(width: 1, height: 2, channels: 3, pixels: [1, 0, 0, 0, 0, 1])
        #expect(try rgb.tensor(scale: 1).shape == [2, 1, 3])
    }
}
