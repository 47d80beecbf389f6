import Synchronization
import Testing
@testable import ConvCore

/// `parallelFor` hands every item to exactly one thread, in chunks of the grain. (Its stop on
/// `Cancellation` is not tested here: the flag is process-wide, and would stop the kernels of
/// tests running alongside.)
struct ParallelForTests {
    /// Records, per item, how often it was handed out, and the chunk sizes seen.
    private struct Recording: ParallelWork {
        let base: Int
        let seen: UnsafeMutableBufferPointer<Int>
        let largestChunk: UnsafeMutablePointer<Atomic<Int>>

        func run(_ chunks: ChunkQueue) {
            while let chunk = chunks.next() {
                largestChunk.pointee.max(chunk.count, ordering: .relaxed)
                for i in chunk { seen[i - base] += 1 }  // chunks are disjoint: no two threads share a slot
            }
        }
    }

    /// How often each item of `range` was handed out, and the largest chunk.
    private static func record(_ range: Range<Int>, threads: Int, grain: Int) -> (seen: [Int], largest: Int) {
        var seen = [Int](repeating: 0, count: range.count)
        let largest = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: 1)
        largest.initialize(to: Atomic(0))
        defer { largest.deinitialize(count: 1); largest.deallocate() }
        seen.withUnsafeMutableBufferPointer { seen in
            parallelFor(range, threads: threads, grain: grain,
                        Recording(base: range.lowerBound, seen: seen, largestChunk: largest))
        }
        return (seen, largest.pointee.load(ordering: .relaxed))
    }

    @Test(arguments: [(0, 2, 1), (1, 4, 1), (5, 2, 1), (64, 3, 5), (7, 7, 2), (3, 8, 8), (1000, 2, 16), (100, 1, 7)])
    func everyItemIsHandedOutOnce(count: Int, threads: Int, grain: Int) {
        let (seen, largest) = Self.record(10..<(10 + count), threads: threads, grain: grain)
        #expect(seen == [Int](repeating: 1, count: count), "count \(count), threads \(threads), grain \(grain)")
        #expect(largest == min(count, grain))
    }

    @Test func theQueueCountsItsChunks() {
        let counter = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: 1)
        counter.initialize(to: Atomic(0))
        defer { counter.deinitialize(count: 1); counter.deallocate() }
        let queue = ChunkQueue(3..<13, grain: 4, counter: counter)
        #expect(queue.count == 3)
        #expect([queue.next(), queue.next(), queue.next(), queue.next()] == [3..<7, 7..<11, 11..<13, nil])
        #expect(ChunkQueue(0..<0, grain: 4, counter: counter).count == 0)
    }

    @Test func grainsForImagesAndElements() {
        #expect(imageGrain(20, threads: 2) == 5)  // two chunks per thread
        #expect(imageGrain(200, threads: 2) == 8)  // at most 8 images between looks at Cancellation
        #expect(imageGrain(1, threads: 2) == 1)
        #expect(elementGrain(1_000, threads: 2) == 1 << 14)  // small tensors: one chunk
        #expect(elementGrain(1 << 20, threads: 2) == 1 << 19)  // large: one chunk per thread
    }
}
