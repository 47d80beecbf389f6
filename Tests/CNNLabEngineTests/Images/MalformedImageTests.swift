import ConvCore
import Testing
@testable import CNNLabEngine

/// Damaged and hostile files are errors, never a crash, an exit or a huge allocation.
@Suite struct MalformedImageTests {
    /// Decodes without caring whether it succeeds: the test is that the process survives.
    private func survives(_ bytes: [UInt8]) {
        if let image = try? ImageCodec.decode(bytes) {
            #expect(image.pixels.count == image.width * image.height * image.channels)
        }
    }

    /// Cut inside the header, the pixels and the end marker. (An ASCII PNM cut between two
    /// numbers cannot be told from a shorter file, so its truncation is tested as too few samples.)
    @Test(arguments: ["gray8.png", "palette_trns.png", "rgb420.jpg", "progressive.jpg", "cmyk.jpg", "p5.pgm", "p6.ppm"])
    func aTruncatedFileIsAnError(file: String) throws {
        let bytes = try imageFixture(file)
        for length in [3, 8, 12, 20, bytes.count / 2, bytes.count - 12, bytes.count - 2, bytes.count - 1] {
            #expect(throws: ImageError.self, "\(file) cut to \(length) bytes") {
                try ImageCodec.decode(Array(bytes.prefix(length)))
            }
        }
    }

    @Test(arguments: ["rgb8.png", "gray_alpha.png", "gray.jpg", "progressive.jpg", "cmyk.jpg", "p6.ppm"])
    func flippedBytesNeverCrash(file: String) throws {
        let bytes = try imageFixture(file)
        var random = SeededGenerator(seed: UInt64(bytes.count))
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<Int(random.next() % 4 + 1) {
                damaged[Int(random.next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            }
            survives(damaged)
        }
    }

    @Test func aDamagedPNGChecksumIsAnError() throws {
        var bytes = try imageFixture("gray8.png")
        bytes[bytes.count - 20] ^= 0x55  // inside the IDAT data or its CRC
        #expect(throws: ImageError.self) { try ImageCodec.decode(bytes) }
    }

    @Test func aJPEGWithGarbageInsteadOfEntropyDataIsAnError() throws {
        var bytes = try imageFixture("gray.jpg")
        for i in (bytes.count - 60)..<(bytes.count - 2) { bytes[i] = 0xFF }
        #expect(throws: ImageError.self) { try ImageCodec.decode(bytes) }
    }

    @Test func aHeaderClaimingHugeDimensionsIsTooLarge() throws {
        #expect(throws: ImageError.tooLarge(width: 20000, height: 20000)) {
            try ImageCodec.decode(imageFixture("oversized.png"))
        }
        var jpeg = try imageFixture("gray.jpg")
        let sof = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg.replaceSubrange((sof + 5)..<(sof + 9), with: [0x4E, 0x20, 0x4E, 0x20])  // 20000 × 20000
        #expect(throws: ImageError.tooLarge(width: 20000, height: 20000)) { try ImageCodec.decode(jpeg) }
    }

    @Test(arguments: [
        ("P5\nabc 2\n255\n", ImageError.malformed("expected the width, found 'a'")),
        ("P5\n4x4\n255\n", .malformed("the width is followed by 'x'")),
        ("P2\n-3 2\n255\n", .malformed("expected the width, found '-'")),
        ("P2\n0 2\n255\n", .malformed("a size of 0×2 pixels")),
        ("P2\n2 2\n0\n0 0 0 0\n", .malformed("maxval 0 is outside 1...65535")),
        ("P5\n2 2\n70000\n", .malformed("maxval 70000 is outside 1...65535")),
        ("P5\n2 2", .malformed("the file ends before the maxval")),
        ("P5\n99999999999999999999999 2\n255\n", .tooLarge(width: 1 << 32, height: 2)),
        ("P6\n16385 1\n255\n", .tooLarge(width: 16385, height: 1)),
        ("P2\n3 2\n255\n1 2 3 4 5    \n", .malformed("too few samples: 5 of 6")),
        ("P2\n1000 1000\n255\n1 2 3\n", .malformed("too few samples: 1000000 expected in 7 bytes")),
        ("P2\n2 1\n7\n3 8\n", .malformed("sample 8 exceeds maxval 7")),
        ("P5\n2 2\n255\n\u{1}\u{2}\u{3}", .malformed("truncated: 4 bytes of pixels expected, 3 present")),
        ("P5\n2 1\n1000\n\u{0}\u{1}\u{2}", .malformed("truncated: 4 bytes of pixels expected, 3 present")),
        ("P1\n2 2\n0 1 1 0\n", .unsupported("PBM bitmaps (P1/P4)")),
        ("P7\nWIDTH 2\n", .unsupported("PAM (P7) files")),
    ])
    func aBadPNMHeaderOrRasterIsExplained(text: String, error: ImageError) {
        #expect(throws: error) { try ImageCodec.decode(Array(text.utf8)) }
    }
}
