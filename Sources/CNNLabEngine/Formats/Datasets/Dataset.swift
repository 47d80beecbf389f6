import ConvCore

/// Labelled images for training: `images` is `N × H × W × C` in the lecture's NHWC layout, with
/// pixels scaled to 0…1, and `labels[i]` is the class of image `i`, in `0..<classes`.
public struct Dataset: Sendable, Equatable {
    /// The name it was loaded by (`digits`, `shapes:16`, `mnist:/data/mnist`, ...).
    public var name: String
    /// The images, `N × H × W × C`, values in 0…1.
    public private(set) var images: Tensor
    /// The class of each image, in `0..<classes`.
    public private(set) var labels: [Int]
    /// The names of the classes, `classes` of them (`"0"`…`"9"`, `"airplane"`, ...).
    public private(set) var classNames: [String]
    /// Examples the dataset's authors set aside for testing (MNIST's `t10k` files, CIFAR-10's
    /// `test_batch.bin`), if they did; ``DatasetSplit`` uses them as the test set.
    public private(set) var heldOut: Range<Int>?

    /// A dataset over `images` (`N × H × W × C`) and `labels` (N of them, each in
    /// `0..<classNames.count`).
    /// - Throws: `.dataset(.countMismatch)`, `.dataset(.labelOutOfRange)` or
    ///   `.dataset(.invalidDimensions)` when the parts do not fit together.
    public init(name: String, images: Tensor, labels: [Int], classNames: [String], heldOut: Range<Int>? = nil) throws(Diagnostic) {
        guard images.rank == 4 else { throw Diagnostic(.dataset(.invalidDimensions(path: name, dimensions: images.shape))) }
        guard images.shape[0] == labels.count else {
            throw Diagnostic(.dataset(.countMismatch(images: name, imageCount: images.shape[0], labels: name, labelCount: labels.count)))
        }
        guard !classNames.isEmpty else { throw Diagnostic(.dataset(.invalidDimensions(path: name, dimensions: [0]))) }
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classNames.count }) {
            throw Diagnostic(.dataset(.labelOutOfRange(path: name, index: bad, label: labels[bad], classes: classNames.count)))
        }
        if let heldOut, heldOut.lowerBound < 0 || heldOut.upperBound > labels.count {
            throw Diagnostic(.dataset(.invalidDimensions(path: name, dimensions: [heldOut.lowerBound, heldOut.upperBound])))
        }
        self.name = name
        self.images = images
        self.labels = labels
        self.classNames = classNames
        self.heldOut = heldOut
    }

    /// The number of classes.
    public var classes: Int { classNames.count }
    /// The number of examples, N.
    public var count: Int { labels.count }
    /// The shape of one image, `H × W × C`.
    public var imageShape: [Int] { Array(images.shape.dropFirst()) }
    /// How many examples each class has, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// Image `index` as an `H × W × C` tensor.
    public func image(_ index: Int) throws(TensorError) -> Tensor {
        try images.sliced([.at(index)])
    }

    /// The examples at `indices`, in that order (valid indices: callers made them).
    func subset(_ indices: [Int], name: String) throws(Diagnostic) -> Dataset {
        guard !indices.isEmpty else { throw Diagnostic(.dataset(.tooFewExamples(0))) }
        let perImage = images.count / max(1, count)
        var storage = [Float]()
        storage.reserveCapacity(indices.count * perImage)
        images.storage.withUnsafeBufferPointer { source in
            for i in indices { storage.append(contentsOf: source[(i * perImage)..<((i + 1) * perImage)]) }
        }
        var shape = images.shape
        shape[0] = indices.count
        var copy = self
        copy.name = name
        do {
            copy.images = try Tensor(shape: shape, storage: storage)
        } catch {
            throw Diagnostic(.tensor(operation: "dataset", error))
        }
        copy.labels = indices.map { labels[$0] }
        copy.heldOut = nil
        return copy
    }
}
