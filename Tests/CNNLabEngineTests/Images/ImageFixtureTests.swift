import Foundation
import Testing
@testable import CNNLabEngine

/// What `scripts/fixtures/make_image_fixtures.py` says an image file decodes to (`FILE.json`).
struct ExpectedImage: Decodable {
    var width: Int
    var height: Int
    var channels: Int
    var maxval: Int
    var alpha: Bool
    var tolerance: Float
    var samples: [Int]

    /// The pixels the decoder documents: samples over maxval, alpha composited on black.
    var pixels: [Float] {
        let maxval = Float(self.maxval)
        guard alpha else { return samples.map { Float($0) / maxval } }
        return stride(from: 0, to: samples.count, by: channels).flatMap { start in
            let opacity = Float(samples[start + channels - 1]) / maxval
            return samples[start..<(start + channels - 1)].map { Float($0) / maxval * opacity }
        }
    }

    var decodedChannels: Int { alpha ? channels - 1 : channels }
}

/// The bytes of `Fixtures/images/name`.
func imageFixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixturePath("images/\(name)"))))
}

/// Files written by Pillow (and by hand, for PNM) decode to the values the script recorded.
@Suite struct ImageFixtureTests {
    @Test(arguments: [
        "gray8.png", "rgb8.png", "gray16.png", "gray1.png", "palette.png", "palette_trns.png", "gray_alpha.png", "rgba.png",
        "gray.jpg", "rgb420.jpg", "progressive.jpg", "cmyk.jpg",
        "p2.pgm", "p3.ppm", "p5.pgm", "p5_16.pgm", "p6.ppm",
    ])
    func decodesWhatTheScriptWrote(file: String) throws {
        let expected = try JSONDecoder().decode(ExpectedImage.self, from: Data(imageFixture(file + ".json")))
        let image = try ImageCodec.decode(imageFixture(file))
        #expect(image.width == expected.width)
        #expect(image.height == expected.height)
        #expect(image.channels == expected.decodedChannels)
        let want = expected.pixels
        try #require(image.pixels.count == want.count)
        // 1e-6 absorbs float rounding only: PNG and PNM must match exactly, JPEG within the tolerance.
        let worst = zip(image.pixels, want).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= expected.tolerance + 1e-6, "largest difference \(worst * 255)/255")
    }

    @Test func sixteenBitSamplesRoundToTheNearestEightBitValue() throws {
        let image = try ImageCodec.decode(imageFixture("gray16.png"))
        // 257 is 1/255 exactly; 128 is below half a step (128.5); 65280/257 ≈ 254.008 rounds to 254.
        #expect(image.pixels[1] == Float(1) / 255)
        #expect(image.pixels[6] == 0)
        #expect(image.pixels[11] == Float(254) / 255)
    }
}
