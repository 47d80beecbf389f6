import AllocationCounter
import ConvCore
import Testing
@testable import CNNLabEngine

/// Mini-batches: every example once per epoch, a seeded order, and the ConvNetJS augmentations.
@Suite struct DatasetMiniBatchTests {
    /// The example each image of `batch` came from, read from its first pixel.
    private func examples(_ batch: Tensor) -> [Int] {
        let per = batch.count / batch.shape[0]
        return (0..<batch.shape[0]).map { Int(batch.storage[$0 * per] / 10000) }
    }

    @Test func eachEpochCoversEveryExampleExactlyOnceInANewOrder() throws {
        let dataset = try indexedDataset(count: 23, height: 2, width: 2)
        var batches = try MiniBatches(dataset, batchSize: 5, seed: 9)
        #expect(batches.batchesPerEpoch == 5 && batches.batchShape == [5, 2, 2, 1])
        var orders: [[Int]] = []
        for epoch in 1...3 {
            var seen: [Int] = []
            var sizes: [Int] = []
            while let (x, y) = batches.next() {
                let ids = examples(x)
                #expect(y == ids.map { $0 % 3 }, "labels travel with their images")
                #expect(x.storage == ids.flatMap { n in [0, 1, 100, 101].map { Float(n * 10000 + $0) } })
                seen += ids
                sizes.append(y.count)
            }
            #expect(batches.epoch == epoch)
            #expect(sizes == [5, 5, 5, 5, 3])
            #expect(seen.sorted() == Array(0..<23), "epoch \(epoch)")
            orders.append(seen)
        }
        #expect(orders[0] != orders[1] && orders[1] != orders[2])
        // The same seed replays the same epochs; unshuffled batches keep the dataset's order.
        var again = try MiniBatches(dataset, batchSize: 5, seed: 9)
        var first: [Int] = []
        while let (x, _) = again.next() { first += examples(x) }
        #expect(first == orders[0])
        var ordered = try MiniBatches(dataset, batchSize: 10, shuffled: false)
        var inOrder: [Int] = []
        while let (x, _) = ordered.next() { inOrder += examples(x) }
        #expect(inOrder == Array(0..<23))
    }

    /// A 4×4 image 1…16, shifted or cropped, against the windows worked out by hand.
    private func oneImage() throws -> Dataset {
        try Dataset(name: "one", images: try Tensor(shape: [1, 4, 4, 1], storage: (1...16).map(Float.init)), labels: [0], classNames: ["a"])
    }

    private func augmented(_ augmentation: Augmentation, seed: UInt64, epochs: Int = 200) throws -> Set<[Float]> {
        var batches = try MiniBatches(try oneImage(), batchSize: 1, seed: seed, augmentation: augmentation)
        var results = Set<[Float]>()
        for _ in 0..<epochs {
            while let (x, _) = batches.next() { results.insert(x.storage) }
        }
        return results
    }

    /// The 4×4 image 1…16 moved down by `dy` and right by `dx`, zeros filling in.
    private func shifted(dy: Int, dx: Int, flip: Bool = false) -> [Float] {
        var out: [Float] = []
        for y in 0..<4 {
            for x in 0..<4 {
                let sy = y - dy
                let sx = (flip ? 3 - x : x) - dx
                out.append(sy >= 0 && sy < 4 && sx >= 0 && sx < 4 ? Float(sy * 4 + sx + 1) : 0)
            }
        }
        return out
    }

    @Test func shiftsMoveTheImageByUpToTwoPixelsWithZerosFillingIn() throws {
        let seen = try augmented(.shifts, seed: 3)
        let all = Set((-2...2).flatMap { dy in (-2...2).map { dx in shifted(dy: dy, dx: dx) } })
        #expect(seen == all, "all 25 shifts of −2…2 × −2…2 and nothing else")
        // One shift by hand: the window moved 1 down and 2 left shows the image 1 up, 2 right.
        #expect(shifted(dy: -1, dx: 2) == [0, 0, 5, 6, 0, 0, 9, 10, 0, 0, 13, 14, 0, 0, 0, 0])
        #expect(seen.contains([0, 0, 5, 6, 0, 0, 9, 10, 0, 0, 13, 14, 0, 0, 0, 0]))
    }

    @Test func flipsMirrorLeftToRightAndAreOffUnlessAskedFor() throws {
        #expect(try augmented(.none, seed: 1, epochs: 20) == [shifted(dy: 0, dx: 0)])
        let flips = try augmented(Augmentation(horizontalFlip: true), seed: 1, epochs: 50)
        #expect(flips == [shifted(dy: 0, dx: 0), shifted(dy: 0, dx: 0, flip: true)])
        #expect(shifted(dy: 0, dx: 0, flip: true).prefix(4) == [4, 3, 2, 1])
        #expect(Augmentation.shifts.horizontalFlip == false && Augmentation.convNetJSCIFAR10.horizontalFlip)
    }

    @Test func randomCropsCoverEveryWindowAndTheTestCropIsCentred() throws {
        let crop = Augmentation(crop: .init(height: 2, width: 2))
        let windows = try augmented(crop, seed: 5)
        let expected = Set((0...2).flatMap { top in
            (0...2).map { left in [top * 4 + left + 1, top * 4 + left + 2, top * 4 + left + 5, top * 4 + left + 6].map(Float.init) }
        })
        #expect(windows == expected, "the 9 windows of a 2×2 crop of a 4×4 image")
        #expect(try augmented(crop.evaluation, seed: 5, epochs: 5) == [[6, 7, 10, 11]])
        // ConvNetJS's MNIST net: 24×24 windows of 28×28 images, centred at test time.
        let mnist = try indexedDataset(count: 2, height: 28, width: 28)
        var test = try MiniBatches(mnist, batchSize: 2, augmentation: Augmentation.convNetJSMNIST.evaluation, shuffled: false)
        let next = test.next()
        let batch = try #require(next)
        #expect(batch.images.shape == [2, 24, 24, 1])
        #expect(batch.images.storage[0] == 202 && batch.images.storage[24 * 24] == 10202)  // row 2, column 2
        #expect(datasetProblem { _ = try MiniBatches(try oneImage(), batchSize: 1, augmentation: .convNetJSMNIST) }
            == .dataset(.invalidAugmentation("a 24×24 crop of 4×4 images")))
        #expect(datasetProblem { _ = try MiniBatches(try oneImage(), batchSize: 0) } == .dataset(.invalidBatchSize(0)))
    }

    @Test func colourChannelsStayTogetherWhenShiftedAndFlipped() throws {
        let dataset = try indexedDataset(count: 1, height: 3, width: 3, channels: 3)  // pixel values y·100 + x + c/10
        var batches = try MiniBatches(dataset, batchSize: 1, seed: 2, augmentation: .convNetJSCIFAR10)
        for _ in 0..<30 {
            while let (x, _) = batches.next() {
                for pixel in 0..<9 where x.storage[pixel * 3] != 0 || x.storage[pixel * 3 + 1] != 0 {
                    #expect(abs(x.storage[pixel * 3 + 1] - x.storage[pixel * 3] - 0.1) < 1e-4)
                    #expect(abs(x.storage[pixel * 3 + 2] - x.storage[pixel * 3] - 0.2) < 1e-4)
                }
            }
        }
    }

    @Test func batchesAllocateNothingOnceWarm() throws {
        let dataset = try indexedDataset(count: 70, height: 8, width: 8)
        var batches = try MiniBatches(dataset, batchSize: 16, seed: 4, augmentation: .shifts)
        var total: Float = 0
        while let (x, y) = batches.next() { total += x.storage[0] + Float(y[0]) }
        cnnlab_count_allocations_start()
        for _ in 0..<3 {
            while let (x, y) = batches.next() { total += x.storage[0] + Float(y[0]) }
        }
        let allocations = cnnlab_count_allocations_stop()
        #expect(allocations == 0, "\(allocations) allocations in 3 epochs of 5 batches")
        #expect(total > 0)
    }
}
