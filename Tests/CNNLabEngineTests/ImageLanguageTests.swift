import ConvCore
import Foundation
import Testing
import CNNLabEngine

/// `image`, `filter` and `save … .png` through the language.
@Suite struct ImageLanguageTests {
    @Test func verticalFilterFindsTheVerticalEdgesOfTheSampleOnly() throws {
        // The `edges` sample: a white 8×8 square (rows and columns 4–11) on a black 16×16.
        let s = Session()
        try run("image sample edges; filter vertical; let V = img * K; filter horizontal; let H = img * K", in: s)
        let v = try #require(s.variables["V"])
        let h = try #require(s.variables["H"])
        #expect(v.shape == [14, 14])
        func at(_ t: Tensor, _ i: Int, _ j: Int) -> Float { t.storage[i * 14 + j] }
        // Vertical filter: the left edge (dark → bright) gives −3, the right edge +3 ...
        #expect(at(v, 6, 2) == -3 && at(v, 6, 3) == -3)
        #expect(at(v, 6, 10) == 3 && at(v, 6, 11) == 3)
        // ... and nothing along the top and bottom edges away from the corners.
        #expect((4...9).allSatisfy { j in at(v, 2, j) == 0 && at(v, 3, j) == 0 && at(v, 10, j) == 0 && at(v, 11, j) == 0 })
        // The horizontal filter is the transpose: the top and bottom edges, not the sides.
        #expect(at(h, 2, 6) == -3 && at(h, 10, 6) == 3)
        #expect((4...9).allSatisfy { i in at(h, i, 2) == 0 && at(h, i, 11) == 0 })
    }

    @Test func imageOptionsGrayScaleAndResize() throws {
        let s = Session()
        try run("image sample checker scale=255 resize 8x4 as C; image sample digit 7 as D", in: s)
        let c = try #require(s.variables["C"])
        #expect(c.shape == [4, 8])
        #expect(c.storage.max() == 255)
        #expect(s.variables["D"]?.shape == [28, 28])
        #expect(diagnostic("image sample digit 12") != nil)
        #expect(diagnostic("image sample zebra")?.problem == .unknownName("zebra", kind: .sample, suggestion: nil))
    }

    @Test func savesAFeatureMapAsPNGAndReadsItBack() throws {
        try withTemporaryDirectory { dir in
            let s = Session(workingDirectory: dir.path)
            let results = try run("let M = [[0, 30], [-30, 15]]; save M \"m.png\"; image \"m.png\" scale=255 as R", in: s)
            guard case .saved(_, _, let scale?)? = results.dropFirst().first else {
                Issue.record("save should report the scale")
                return
            }
            #expect(scale == GrayScale(range: -30...30))
            // -30 → 0, 0 → 127.5 (rounded), 15 → 191.25, 30 → 255.
            let r = try #require(s.variables["R"])
            #expect(r.storage.map { $0.rounded() } == [128, 255, 0, 191])
            try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: dir.appendingPathComponent("bad.png"))
            if case .image("bad.png", _)? = diagnostic("image \"bad.png\"", in: s)?.problem {
            } else {
                Issue.record("a truncated PNG must be a located image error")
            }
        }
    }
}
