import Testing
@testable import CNNLabEngine

/// The built-in pictures every offline example uses.
@Suite struct SampleImagesTests {
    private func sample(_ name: String, _ digit: Int? = nil) throws -> Image {
        try SampleImages.image(named: name, digit: digit)
    }

    private func at(_ image: Image, _ y: Int, _ x: Int) -> Float { image.pixels[y * image.width + x] }

    @Test func samplesAreTheSameEveryTime() throws {
        for name in ["edges", "checker", "circle"] { #expect(try sample(name) == sample(name)) }
        #expect(try sample("digit", 7) == sample("digit", 7))
    }

    @Test func edgesHasVerticalAndHorizontalEdges() throws {
        let image = try sample("edges")
        #expect(image.width == 16 && image.height == 16 && image.channels == 1)
        // Across row 8 the value jumps at columns 3|4 and 11|12: vertical edges.
        let across = (1..<16).filter { at(image, 8, $0) != at(image, 8, $0 - 1) }
        #expect(across == [4, 12])
        // Down column 8 it jumps at rows 3|4 and 11|12: horizontal edges.
        let down = (1..<16).filter { at(image, $0, 8) != at(image, $0 - 1, 8) }
        #expect(down == [4, 12])
        #expect(at(image, 8, 8) == 1 && at(image, 0, 0) == 0)
    }

    @Test func checkerAlternates4x4Squares() throws {
        let image = try sample("checker")
        #expect(at(image, 0, 0) == 1 && at(image, 3, 3) == 1)
        #expect(at(image, 0, 4) == 0 && at(image, 4, 0) == 0 && at(image, 4, 4) == 1 && at(image, 15, 15) == 1)
        #expect(image.pixels.reduce(0, +) == 128)
    }

    @Test func circleIsASymmetricDisc() throws {
        let image = try sample("circle")
        #expect(at(image, 7, 7) == 1 && at(image, 0, 0) == 0 && at(image, 7, 1) == 0 && at(image, 7, 2) == 1)
        for y in 0..<16 {
            for x in 0..<16 {
                #expect(at(image, y, x) == at(image, x, y) && at(image, y, x) == at(image, 15 - y, x))
            }
        }
    }

    @Test func digitsLookLikeMNIST() throws {
        var seen: [[Float]] = []
        for n in 0...9 {
            let image = try sample("digit", n)
            #expect(image.width == 28 && image.height == 28 && image.channels == 1)
            #expect(image.pixels.allSatisfy { (0...1).contains($0) })
            #expect(image.pixels.max() == 1)
            #expect(image.pixels.contains { $0 > 0 && $0 < 1 }, "soft stroke borders")
            // Like MNIST, a blank margin: the top two rows and the outer columns are empty.
            #expect((0..<2).allSatisfy { y in (0..<28).allSatisfy { at(image, y, $0) == 0 } })
            #expect((0..<28).allSatisfy { y in at(image, y, 0) == 0 && at(image, y, 27) == 0 })
            #expect(!seen.contains(image.pixels))
            seen.append(image.pixels)
        }
        // The 1's stem is font column 2, image columns 12–14.
        #expect(at(try sample("digit", 1), 14, 13) == 1)
    }

    @Test func badRequestsAreExplained() {
        #expect(throws: ImageError.unsupported("sample digit needs a number from 0 to 9")) { try sample("digit", 10) }
        #expect(throws: ImageError.unsupported("sample digit needs a number from 0 to 9")) { try sample("digit") }
        #expect(throws: ImageError.unsupported("only the digit sample takes a number")) { try sample("edges", 3) }
        #expect(throws: ImageError.unsupported("no sample image \"cat\"; try edges, checker, circle, digit")) { try sample("cat") }
    }
}
