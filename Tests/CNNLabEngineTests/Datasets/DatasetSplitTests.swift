import ConvCore
import Testing
@testable import CNNLabEngine

/// The held-out test split: a seeded shuffle, a fraction, or the dataset's own test examples.
@Suite struct DatasetSplitTests {
    @Test func aFifthIsHeldOutAndEveryExampleIsInExactlyOnePart() throws {
        let dataset = try indexedDataset(count: 103, height: 2, width: 3)
        let split = try DatasetSplit(dataset, seed: 7)
        #expect(split.test.count == 21 && split.train.count == 82)  // round(103 · 0.2)
        #expect((split.trainIndices + split.testIndices).sorted() == Array(0..<103))
        // Each part holds the images and labels of its indices.
        for (part, indices) in [(split.train, split.trainIndices), (split.test, split.testIndices)] {
            #expect(part.labels == indices.map { $0 % 3 })
            for (k, n) in indices.enumerated() {
                #expect(part.images.storage[k * 6] == Float(n * 10000), "example \(n)")
            }
            #expect(part.images.shape == [indices.count, 2, 3, 1])
        }
    }

    @Test func theSameSeedGivesTheSameSplitAndAnotherSeedAnother() throws {
        let dataset = try indexedDataset(count: 50, height: 1, width: 1)
        let a = try DatasetSplit(dataset, testFraction: 0.3, seed: 42)
        let b = try DatasetSplit(dataset, testFraction: 0.3, seed: 42)
        let c = try DatasetSplit(dataset, testFraction: 0.3, seed: 43)
        #expect(a == b)
        #expect(a.testIndices != c.testIndices)
        #expect(a.testIndices.count == 15)
        #expect(a.testIndices != Array(a.testIndices).sorted() || a.testIndices != Array(0..<15), "the split is shuffled")
    }

    @Test func aDatasetsOwnTestExamplesAreTheTestSet() throws {
        let base = try indexedDataset(count: 10, height: 1, width: 2)
        let dataset = try Dataset(name: "m", images: base.images, labels: base.labels, classNames: base.classNames, heldOut: 7..<10)
        let split = try DatasetSplit(dataset, seed: 1)
        #expect(split.testIndices == [7, 8, 9] && split.trainIndices == Array(0..<7))
        let ignored = try DatasetSplit(dataset, seed: 1, useHeldOut: false)
        #expect(ignored.testIndices.count == 2)
    }

    @Test func badFractionsAndTinyDatasetsAreErrors() throws {
        let dataset = try indexedDataset(count: 5, height: 1, width: 1)
        #expect(datasetProblem { _ = try DatasetSplit(dataset, testFraction: 0) } == .dataset(.invalidTestFraction(0)))
        #expect(datasetProblem { _ = try DatasetSplit(dataset, testFraction: 1.5) } == .dataset(.invalidTestFraction(1.5)))
        let one = try indexedDataset(count: 1, height: 1, width: 1)
        #expect(datasetProblem { _ = try DatasetSplit(one) } == .dataset(.tooFewExamples(1)))
        // A tiny fraction still holds out one example, a large one still trains on one.
        #expect(try DatasetSplit(dataset, testFraction: 0.01).test.count == 1)
        #expect(try DatasetSplit(dataset, testFraction: 0.99).train.count == 1)
    }

    @Test func inconsistentDatasetsAreRefused() throws {
        let images = try Tensor(shape: [2, 1, 1, 1], storage: [0, 1])
        #expect(datasetProblem { _ = try Dataset(name: "x", images: images, labels: [0], classNames: ["a"]) }
            == .dataset(.countMismatch(images: "x", imageCount: 2, labels: "x", labelCount: 1)))
        #expect(datasetProblem { _ = try Dataset(name: "x", images: images, labels: [0, 2], classNames: ["a", "b"]) }
            == .dataset(.labelOutOfRange(path: "x", index: 1, label: 2, classes: 2)))
    }
}
