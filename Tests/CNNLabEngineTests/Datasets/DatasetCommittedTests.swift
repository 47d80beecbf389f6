import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// The committed `digits` and `mnist5k` files, against the values scripts/datasets/make_datasets.py
/// printed from the packages' CSV files (Fixtures/datasets/expected.json).
@Suite struct DatasetCommittedTests {
    struct Expected: Decodable {
        var count: Int
        var side: Int
        var max_value: Int
        var first_image: [Int]
        var first_label: Int
        var last_label: Int
        var class_counts: [Int]
        var pixel_sum: Int
        var image_sums_every_100: [Int]
    }

    private func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("datasets/expected.json")))
        return try #require(try JSONDecoder().decode([String: Expected].self, from: data)[name])
    }

    /// The pixels of `dataset` back as the integers of the CSV file.
    private func integers(_ values: ArraySlice<Float>, maximum: Int) -> [Int] {
        values.map { Int(($0 * Float(maximum)).rounded()) }
    }

    @Test(arguments: ["digits", "mnist5k"])
    func matchesTheCSVFileOfItsPackage(_ name: String) throws {
        let want = try expected(name)
        let directory = try #require(dataDirectory())
        let dataset = try DatasetLibrary.load(name, dataDirectory: directory)
        #expect(dataset.images.shape == [want.count, want.side, want.side, 1])
        #expect(dataset.classes == 10 && dataset.classNames == (0..<10).map(String.init))
        #expect(dataset.labels.first == want.first_label && dataset.labels.last == want.last_label)
        #expect(dataset.classCounts == want.class_counts)
        let pixels = want.side * want.side
        #expect(integers(dataset.images.storage[0..<pixels], maximum: want.max_value) == want.first_image)
        let sums = stride(from: 0, to: want.count, by: 100).map { n in
            integers(dataset.images.storage[(n * pixels)..<((n + 1) * pixels)], maximum: want.max_value).reduce(0, +)
        }
        #expect(sums == want.image_sums_every_100)
        #expect(integers(dataset.images.storage[...], maximum: want.max_value).reduce(0, +) == want.pixel_sum)
        #expect(dataset.images.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func digitsHas1797ImagesAndMnist5kHas500OfEachDigit() throws {
        let directory = try #require(dataDirectory())
        #expect(try DatasetLibrary.load("digits", dataDirectory: directory).count == 1797)
        #expect(try DatasetLibrary.load("mnist5k", dataDirectory: directory).classCounts == Array(repeating: 500, count: 10))
    }

    @Test func theDataFolderIsFoundAboveTheBinaryOrInTheCurrentDirectory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let data = (root as NSString).appendingPathComponent("Data")
        #expect(DatasetLibrary.locate(executable: root + "/.build/debug/cnnlab", currentDirectory: "/") == data)
        #expect(DatasetLibrary.locate(executable: "/nonexistent/bin/cnnlab", currentDirectory: root) == data)
        #expect(DatasetLibrary.locate(executable: "/nonexistent/bin/cnnlab", currentDirectory: "/nonexistent") == nil)
    }

    @Test func withoutADataFolderTheCommittedDatasetsAreAnError() {
        #expect(datasetProblem { _ = try DatasetLibrary.load("digits", dataDirectory: nil) } == .dataset(.noDataFolder))
        #expect(datasetProblem { _ = try DatasetLibrary.load("digits", dataDirectory: "/nonexistent") } == .fileNotFound("/nonexistent/digits-images.npy"))
    }

    @Test func anNPYHeaderClaimingATrillionImagesIsRefusedWithoutAllocating() throws {
        try withTemporaryDirectory { dir in
            func npy(_ header: String, data: [UInt8]) -> [UInt8] {
                var text = header
                text += String(repeating: " ", count: (64 - (10 + text.utf8.count + 1) % 64) % 64) + "\n"
                return NPYFormat.magic + [1, 0, UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8)] + Array(text.utf8) + data
            }
            try write(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1000000000000, 8, 8), }", data: [1, 2, 3]), "digits-images.npy", in: dir)
            try write(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1,), }", data: [1]), "digits-labels.npy", in: dir)
            let images = dir.appendingPathComponent("digits-images.npy").path
            #expect(datasetProblem { _ = try DatasetLibrary.load("digits", dataDirectory: dir.path) }
                == .dataset(.tooLarge(path: images, claimed: "1000000000000×8×8", limit: Tensor.maxElementCount)))
            // A float array, a truncated one and a mismatched count are errors too.
            try write(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }", data: [0, 0, 0, 0]), "digits-images.npy", in: dir)
            #expect(datasetProblem { _ = try DatasetLibrary.load("digits", dataDirectory: dir.path) }
                == .dataset(.unexpectedArray(path: images, found: "'<f4' of shape [1, 1, 1]", expected: "an array of unsigned bytes (|u1) of rank 3 in C order")))
            try write(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2, 2), }", data: [1, 2, 3]), "digits-images.npy", in: dir)
            if case .dataset(.wrongLength(_, let wanted, let actual)) = datasetProblem({ _ = try DatasetLibrary.load("digits", dataDirectory: dir.path) }) {
                #expect(wanted - actual == 5)
            } else {
                Issue.record("a truncated .npy file is not reported as truncated")
            }
            try write(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 1, 1), }", data: [1, 2]), "digits-images.npy", in: dir)
            #expect(datasetProblem { _ = try DatasetLibrary.load("digits", dataDirectory: dir.path) }
                == .dataset(.countMismatch(images: images, imageCount: 2, labels: dir.appendingPathComponent("digits-labels.npy").path, labelCount: 1)))
        }
    }
}
