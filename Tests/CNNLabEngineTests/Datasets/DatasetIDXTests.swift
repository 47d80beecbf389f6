import ConvCore
import Foundation
import Testing
@testable import CNNLabEngine

/// MNIST's IDX files, made by the tests: read back exactly, and every damaged variant refused
/// with a diagnostic naming the file.
@Suite struct DatasetIDXTests {
    /// An IDX images file of `count` `rows × columns` images, pixel (n, y, x) = n·7 + y·3 + x (mod 256).
    private func imagesFile(count: Int, rows: Int, columns: Int, magic: UInt32 = IDXReader.imagesMagic) -> [UInt8] {
        var bytes = bigEndian(magic) + bigEndian(UInt32(count)) + bigEndian(UInt32(rows)) + bigEndian(UInt32(columns))
        for n in 0..<count {
            for y in 0..<rows {
                for x in 0..<columns { bytes.append(UInt8((n * 7 + y * 3 + x) % 256)) }
            }
        }
        return bytes
    }

    private func labelsFile(_ labels: [UInt8], magic: UInt32 = IDXReader.labelsMagic) -> [UInt8] {
        bigEndian(magic) + bigEndian(UInt32(labels.count)) + labels
    }

    @Test func trainAndTestFilesBecomeOneDatasetWithTheTestFilesHeldOut() throws {
        try withTemporaryDirectory { dir in
            try write(imagesFile(count: 5, rows: 3, columns: 2), "train-images-idx3-ubyte", in: dir)
            try write(labelsFile([0, 1, 2, 9, 4]), "train-labels-idx1-ubyte", in: dir)
            try write(imagesFile(count: 2, rows: 3, columns: 2), "t10k-images.idx3-ubyte", in: dir)  // the other common spelling
            try write(labelsFile([7, 8]), "t10k-labels.idx1-ubyte", in: dir)
            let dataset = try DatasetLibrary.load("mnist:" + dir.path, dataDirectory: nil)
            #expect(dataset.images.shape == [7, 3, 2, 1])
            #expect(dataset.labels == [0, 1, 2, 9, 4, 7, 8])
            #expect(dataset.heldOut == 5..<7)
            // Image 4 of the training file, pixel (y 2, x 1): 4·7 + 2·3 + 1 = 35, scaled by 1/255.
            #expect(try dataset.images.element(at: [4, 2, 1, 0]) == Float(35) / 255)
            #expect(try dataset.images.element(at: [6, 0, 0, 0]) == Float(7) / 255)  // t10k image 1
            let split = try DatasetSplit(dataset)
            #expect(split.test.labels == [7, 8] && split.train.count == 5)
            #expect(DatasetLibrary.augmentation(for: dataset) == .shifts)  // 3×2 images are too small to crop
        }
    }

    @Test func aMissingFolderOrLabelsFileIsNamed() throws {
        try withTemporaryDirectory { dir in
            #expect(datasetProblem { _ = try DatasetLibrary.load("mnist:" + dir.path, dataDirectory: nil) }
                == .dataset(.noFilesFound(directory: dir.path, expected: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])))
            try write(imagesFile(count: 1, rows: 1, columns: 1), "train-images-idx3-ubyte", in: dir)
            #expect(datasetProblem { _ = try DatasetLibrary.load("mnist:" + dir.path, dataDirectory: nil) }
                == .fileNotFound(dir.appendingPathComponent("train-labels-idx1-ubyte").path))
        }
    }

    private func problem(images: [UInt8], labels: [UInt8]) -> Problem? {
        datasetProblem { _ = try IDXReader.decode(images: images, labels: labels, imagesPath: "i", labelsPath: "l") }
    }

    @Test func damagedFilesAreDiagnosticsNeverCrashes() {
        let images = imagesFile(count: 3, rows: 2, columns: 2)
        let labels = labelsFile([1, 2, 3])
        #expect(problem(images: images, labels: labels) == nil)
        // Wrong magic numbers: a labels file given as images, a float IDX file.
        #expect(problem(images: labels, labels: labels) == .dataset(.wrongMagic(path: "i", found: IDXReader.labelsMagic, expected: IDXReader.imagesMagic)))
        #expect(problem(images: imagesFile(count: 3, rows: 2, columns: 2, magic: 0x0000_0D03), labels: labels)
            == .dataset(.wrongMagic(path: "i", found: 0x0000_0D03, expected: IDXReader.imagesMagic)))
        #expect(problem(images: images, labels: images) == .dataset(.wrongMagic(path: "l", found: IDXReader.imagesMagic, expected: IDXReader.labelsMagic)))
        // Truncated: the labels, the images, the header itself; and bytes after the data.
        #expect(problem(images: images, labels: Array(labels.dropLast())) == .dataset(.wrongLength(path: "l", expected: 11, actual: 10)))
        #expect(problem(images: Array(images.dropLast(5)), labels: labels) == .dataset(.wrongLength(path: "i", expected: 28, actual: 23)))
        #expect(problem(images: Array(images.prefix(10)), labels: labels) == .dataset(.wrongLength(path: "i", expected: 16, actual: 10)))
        #expect(problem(images: [0, 0], labels: labels) == .dataset(.wrongLength(path: "i", expected: 16, actual: 2)))
        #expect(problem(images: images + [0], labels: labels) == .dataset(.wrongLength(path: "i", expected: 28, actual: 29)))
        // Counts that disagree, labels that are no digit, zero or absurd dimensions.
        #expect(problem(images: images, labels: labelsFile([1, 2])) == .dataset(.countMismatch(images: "i", imageCount: 3, labels: "l", labelCount: 2)))
        #expect(problem(images: images, labels: labelsFile([1, 12, 3])) == .dataset(.labelOutOfRange(path: "l", index: 1, label: 12, classes: 10)))
        #expect(problem(images: imagesFile(count: 0, rows: 2, columns: 2), labels: labels) == .dataset(.invalidDimensions(path: "i", dimensions: [0, 2, 2])))
        #expect(problem(images: bigEndian(IDXReader.imagesMagic) + bigEndian(1) + bigEndian(5000) + bigEndian(5000), labels: labels)
            == .dataset(.invalidDimensions(path: "i", dimensions: [1, 5000, 5000])))
    }

    @Test func aHeaderClaimingBillionsOfImagesIsRefusedBeforeAnyAllocation() {
        // 4·10⁹ images of 28×28 (the most a 32-bit count can claim) in a 16-byte file.
        let header = bigEndian(IDXReader.imagesMagic) + bigEndian(4_000_000_000) + bigEndian(28) + bigEndian(28)
        #expect(problem(images: header, labels: labelsFile([1]))
            == .dataset(.tooLarge(path: "i", claimed: "4000000000×28×28", limit: Tensor.maxElementCount)))
        // Within the limit but longer than the file: truncated, still before allocating.
        let plausible = bigEndian(IDXReader.imagesMagic) + bigEndian(60000) + bigEndian(28) + bigEndian(28)
        #expect(problem(images: plausible, labels: labelsFile([1])) == .dataset(.wrongLength(path: "i", expected: 16 + 60000 * 784, actual: 16)))
        let labels = bigEndian(IDXReader.labelsMagic) + bigEndian(4_000_000_000)
        #expect(problem(images: imagesFile(count: 1, rows: 1, columns: 1), labels: labels)
            == .dataset(.tooLarge(path: "l", claimed: "4000000000", limit: Tensor.maxElementCount)))
        let someLabels = bigEndian(IDXReader.labelsMagic) + bigEndian(10000) + [1, 2]
        #expect(problem(images: imagesFile(count: 1, rows: 1, columns: 1), labels: someLabels)
            == .dataset(.wrongLength(path: "l", expected: 10008, actual: 10)))
    }

    @Test func messagesExistInEnglishAndPortuguese() {
        let d = Diagnostic(.dataset(.wrongLength(path: "t10k-labels-idx1-ubyte", expected: 10008, actual: 9000)))
        #expect(d.message(in: .en) == "t10k-labels-idx1-ubyte is truncated: it has 9000 bytes, its header needs 10008")
        #expect(d.message(in: .ptBR) == "t10k-labels-idx1-ubyte está truncado: tem 9000 bytes, o cabeçalho exige 10008")
        let magic = Diagnostic(.dataset(.wrongMagic(path: "x", found: 0x0000_0801, expected: 0x0000_0803)))
        #expect(magic.message(in: .en) == "x starts with 0x00000801, not the magic number 0x00000803")
        #expect(magic.hint(in: .ptBR) != nil)
    }
}
