import ConvCore
import Testing
@testable import CNNLabEngine

/// The generated `shapes` dataset: seeded, balanced, and with the strokes its class names say.
@Suite struct DatasetShapesTests {
    @Test func shapesHas200ImagesOfEachOfSevenClassesAndIsTheSameEveryTime() throws {
        let a = try DatasetLibrary.load("shapes", dataDirectory: nil)
        #expect(a.images.shape == [1400, 16, 16, 1])
        #expect(a.classCounts == Array(repeating: 200, count: 7))
        #expect(a.classNames == ["horizontal", "vertical", "diagonal", "antidiagonal", "square", "circle", "cross"])
        #expect(a.images.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try DatasetLibrary.load("shapes", dataDirectory: nil) == a)
        #expect(try ShapesDataset.make(perClass: 2, seed: 2) != (try ShapesDataset.make(perClass: 2, seed: 3)))
    }

    @Test func aSizeCanBeChosen() throws {
        #expect(try DatasetLibrary.load("shapes:28", dataDirectory: nil).images.shape == [1400, 28, 28, 1])
        #expect(try DatasetLibrary.load("shapes:12x12", dataDirectory: nil).name == "shapes:12")
        for bad in ["shapes:4", "shapes:100", "shapes:x", "shapes:16x8", "shapes:"] {
            #expect(datasetProblem { _ = try DatasetLibrary.load(bad, dataDirectory: nil) } == .dataset(.invalidShapesSize(String(bad.dropFirst(7)))))
        }
    }

    /// The summed squared differences between horizontal and vertical neighbours: a horizontal
    /// line changes from row to row (vertical gradient), a vertical line from column to column.
    private func gradients(_ image: Tensor, size: Int) -> (alongRows: Float, alongColumns: Float) {
        var rows: Float = 0, columns: Float = 0
        let p = image.storage
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let v = p[y * size + x]
                columns += (p[y * size + x + 1] - v) * (p[y * size + x + 1] - v)
                rows += (p[(y + 1) * size + x] - v) * (p[(y + 1) * size + x] - v)
            }
        }
        return (rows, columns)
    }

    @Test func horizontalLinesHaveVerticalEdgesAndViceVersa() throws {
        let dataset = try ShapesDataset.make(perClass: 20, seed: 5)
        for n in 0..<dataset.count where dataset.labels[n] < 2 {
            let g = gradients(try dataset.image(n), size: 16)
            if dataset.labels[n] == 0 {
                #expect(g.alongRows > 2 * g.alongColumns, "horizontal line \(n)")
            } else {
                #expect(g.alongColumns > 2 * g.alongRows, "vertical line \(n)")
            }
        }
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(datasetProblem { _ = try DatasetLibrary.load("digit", dataDirectory: nil) } == .dataset(.unknownDataset("digit", suggestion: "digits")))
        #expect(datasetProblem { _ = try DatasetLibrary.load("mnist:", dataDirectory: nil) } == .dataset(.unknownDataset("mnist:", suggestion: "mnist")))
        let message = Diagnostic(.dataset(.unknownDataset("digit", suggestion: "digits"))).hint(in: .en)
        #expect(message == "did you mean 'digits'? datasets: digits mnist5k shapes shapes:SIZE mnist:DIR cifar10:DIR")
    }
}

/// A dataset's diagnostics carry the place of the spec in the command that named it.
@Suite struct DatasetLibraryTests {
    @Test func aLoadErrorIsLocatedAtTheSpec() {
        let range = SourceRange(line: 1, column: 7, length: 5)
        do {
            _ = try DatasetLibrary.load("digit", dataDirectory: nil, at: range)
            Issue.record("an unknown dataset loaded")
        } catch {
            #expect(error.range == range)
            #expect(error.message(in: .ptBR) == "não há conjunto de dados 'digit'")
        }
    }
}
