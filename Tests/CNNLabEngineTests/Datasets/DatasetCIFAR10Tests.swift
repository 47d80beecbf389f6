import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// CIFAR-10 binary batches made by the tests: planes turned into NHWC, damaged batches refused.
@Suite struct DatasetCIFAR10Tests {
    /// One record: `label`, then the R, G, B planes with pixel p of plane c = (p + 50·c + seed) mod 256.
    private func record(label: UInt8, seed: Int) -> [UInt8] {
        [label] + (0..<3).flatMap { c in (0..<1024).map { p in UInt8((p + 50 * c + seed) % 256) } }
    }

    @Test func batchesBecomeNHWCImagesWithTheTestBatchHeldOut() throws {
        try withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("cifar-10-batches-bin")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write(record(label: 3, seed: 0) + record(label: 9, seed: 1), "data_batch_1.bin", in: folder)
            try write(record(label: 0, seed: 2), "data_batch_2.bin", in: folder)
            try write(record(label: 5, seed: 3), "test_batch.bin", in: folder)
            let dataset = try DatasetLibrary.load("cifar10:" + dir.path, dataDirectory: nil)
            #expect(dataset.images.shape == [4, 32, 32, 3])
            #expect(dataset.labels == [3, 9, 0, 5])
            #expect(dataset.heldOut == 3..<4)
            #expect(dataset.classNames[3] == "cat" && dataset.classes == 10)
            // Image 1, row 2, column 5: plane offset p = 2·32 + 5 = 69; R = 70, G = 120, B = 170.
            for (c, value) in [70, 120, 170].enumerated() {
                #expect(try dataset.images.element(at: [1, 2, 5, c]) == Float(value) / 255)
            }
            #expect(DatasetLibrary.augmentation(for: dataset) == .convNetJSCIFAR10)
        }
    }

    @Test func partialRecordsAndBadLabelsAreRefused() {
        let good = record(label: 1, seed: 0)
        #expect(datasetProblem { _ = try CIFAR10Reader.decode([(good + [1, 2], "b")]) }
            == .dataset(.partialRecord(path: "b", size: 3075, recordSize: 3073)))
        #expect(datasetProblem { _ = try CIFAR10Reader.decode([([], "b")]) } == .dataset(.partialRecord(path: "b", size: 0, recordSize: 3073)))
        #expect(datasetProblem { _ = try CIFAR10Reader.decode([(good, "a"), (record(label: 10, seed: 0), "b")]) }
            == .dataset(.labelOutOfRange(path: "b", index: 0, label: 10, classes: 10)))
        #expect(datasetProblem { _ = try CIFAR10Reader.decode([(good, "a")]) } == nil)
    }

    @Test func aFolderWithoutBatchesIsNamed() throws {
        try withTemporaryDirectory { dir in
            if case .dataset(.noFilesFound(let d, let expected)) = datasetProblem({ _ = try DatasetLibrary.load("cifar10:" + dir.path, dataDirectory: nil) }) {
                #expect(d == dir.path && expected.last == "test_batch.bin")
            } else {
                Issue.record("an empty folder is not reported")
            }
        }
    }
}
