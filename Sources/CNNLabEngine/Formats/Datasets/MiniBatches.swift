import ConvCore

/// The mini-batches of one dataset, epoch after epoch: `m × H' × W' × C` images (`H' × W'`
/// the augmentation's crop, or the images' size) and their `m` labels.
///
/// Each epoch visits every example exactly once, in an order shuffled by the seeded generator
/// (or in the dataset's order when `shuffled` is false); the last batch of an epoch holds the
/// remaining `N mod batchSize` examples when that is not zero. `next()` returns nil at the end
/// of each epoch, and the call after that starts the next epoch:
///
///     var batches = try MiniBatches(split.train, batchSize: 32, seed: 1, augmentation: .shifts)
///     for _ in 0..<epochs {
///         while let (x, y) = batches.next() { ... }
///     }
///
/// The images are written into one buffer per batch size that is kept from batch to batch, so
/// once every batch has been seen nothing is allocated, provided the previous batch's tensor and
/// labels have been let go before `next()` is called again (otherwise Swift copies the buffer
/// before writing into it: still correct, but an allocation).
public struct MiniBatches: IteratorProtocol, Sendable {
    /// The examples batched.
    public let dataset: Dataset
    /// The examples per batch, m (the last batch of an epoch may have fewer).
    public let batchSize: Int
    /// What is done to each image as it is batched.
    public let augmentation: Augmentation
    /// Whether each epoch visits the examples in a new random order.
    public let shuffled: Bool
    /// How many epochs have begun (1 during the first).
    public private(set) var epoch = 0
    /// The shape of a full batch, `batchSize × H' × W' × C`.
    public let batchShape: [Int]

    private var rng: SeededGenerator
    private var order: [Int]
    private var position = 0
    private var inEpoch = false
    /// The reused buffers: a full batch's, then the epoch's last, shorter batch's.
    private var buffers: [Batch]

    /// One batch's images and labels, written in place batch after batch.
    private struct Batch: Sendable {
        var images: Tensor
        var labels: [Int]

        static let empty = Batch(images: .placeholder, labels: [])
    }

    /// Batches of `batchSize` from `dataset`, shuffled and augmented with randomness from `seed`.
    /// - Throws: `.dataset(.invalidBatchSize)`, or `.dataset(.invalidAugmentation)` when a crop
    ///   is larger than the images.
    public init(
        _ dataset: Dataset, batchSize: Int, seed: UInt64 = 0, augmentation: Augmentation = .none, shuffled: Bool = true
    ) throws(Diagnostic) {
        guard batchSize >= 1 else { throw Diagnostic(.dataset(.invalidBatchSize(batchSize))) }
        let (h, w, c) = (dataset.images.shape[1], dataset.images.shape[2], dataset.images.shape[3])
        try augmentation.validate(height: h, width: w)
        let out = augmentation.outputSize(height: h, width: w)
        let m = min(batchSize, dataset.count)
        let tail = dataset.count % m
        self.dataset = dataset
        self.batchSize = m
        self.augmentation = augmentation
        self.shuffled = shuffled
        self.rng = SeededGenerator(seed: seed)
        self.order = Array(0..<dataset.count)
        self.batchShape = [m, out.height, out.width, c]
        do {
            self.buffers = [
                Batch(images: try Tensor(shape: batchShape, repeating: 0), labels: [Int](repeating: 0, count: m)),
                Batch(
                    images: try Tensor(shape: [max(tail, 1), out.height, out.width, c], repeating: 0),
                    labels: [Int](repeating: 0, count: max(tail, 1))),
            ]
        } catch {
            throw Diagnostic(.tensor(operation: "batch", error))
        }
    }

    /// The number of batches in an epoch.
    public var batchesPerEpoch: Int { (dataset.count + batchSize - 1) / batchSize }

    /// The next batch of this epoch, or nil when the epoch is over (the call after a nil
    /// begins the next epoch).
    public mutating func next() -> (images: Tensor, labels: [Int])? {
        if !inEpoch {
            if shuffled { rng.shuffle(&order) }
            position = 0
            epoch += 1
            inEpoch = true
        }
        guard position < order.count else {
            inEpoch = false
            return nil
        }
        let m = min(batchSize, order.count - position)
        let k = m == batchSize ? 0 : 1
        // Take the buffer out of `self` to write it (swapping with an empty one allocates nothing).
        var batch = Batch.empty
        swap(&batch, &buffers[k])
        fill(&batch.images, &batch.labels, count: m)
        swap(&batch, &buffers[k])
        position += m
        return (buffers[k].images, buffers[k].labels)
    }

    /// Writes the `count` examples from `position` on, augmented, into `images` and `labels`.
    private mutating func fill(_ images: inout Tensor, _ labels: inout [Int], count: Int) {
        let (height, width, channels) = (dataset.images.shape[1], dataset.images.shape[2], dataset.images.shape[3])
        let out = augmentation.outputSize(height: height, width: width)
        let imageSize = height * width * channels
        let outSize = out.height * out.width * channels
        let source = dataset.images.storage
        source.withUnsafeBufferPointer { src in
            images.withUnsafeMutableElements { dst in
                for b in 0..<count {
                    let example = order[position + b]
                    labels[b] = dataset.labels[example]
                    var top = (height - out.height) / 2
                    var left = (width - out.width) / 2
                    var flip = false
                    if augmentation.isRandom {
                        top = rng.integer(in: 0...(height - out.height))
                        left = rng.integer(in: 0...(width - out.width))
                        if augmentation.maxShift > 0 {
                            top += rng.integer(in: -augmentation.maxShift...augmentation.maxShift)
                            left += rng.integer(in: -augmentation.maxShift...augmentation.maxShift)
                        }
                        flip = augmentation.horizontalFlip && rng.next() & 1 == 1
                    }
                    let image = example * imageSize
                    let target = b * outSize
                    for y in 0..<out.height {
                        let sy = top + y
                        let row = target + y * out.width * channels
                        guard sy >= 0, sy < height else {
                            for k in 0..<(out.width * channels) { dst[row + k] = 0 }
                            continue
                        }
                        for x in 0..<out.width {
                            let sx = left + (flip ? out.width - 1 - x : x)
                            let pixel = row + x * channels
                            if sx >= 0, sx < width {
                                let from = image + (sy * width + sx) * channels
                                for k in 0..<channels { dst[pixel + k] = src[from + k] }
                            } else {
                                for k in 0..<channels { dst[pixel + k] = 0 }
                            }
                        }
                    }
                }
            }
        }
    }
}
