import Dispatch
import Synchronization
import Testing
@testable import ConvCore

/// The workers behind `parallelFor`: every part runs exactly once, also when regions overlap
/// (from several threads at once, or one inside another), and regions follow each other freely.
struct WorkerPoolTests {
    /// A region that counts, per part, how often it ran (a part run twice shows as 2).
    private struct Counting: PoolJob {
        let counts: UnsafeMutableBufferPointer<Int>
        let nested: Bool

        func run(part: Int) {
            counts[part] += 1
            if nested {
                // A region inside a region runs on the calling thread: it must not wait for
                // the workers that are busy with the outer one.
                #expect(WorkerPoolTests.region(3) == [1, 1, 1])
            }
        }
    }

    /// Runs a region of `parts` parts and returns how many times each part ran.
    private static func region(_ parts: Int, nested: Bool = false) -> [Int] {
        var counts = [Int](repeating: 0, count: parts)
        counts.withUnsafeMutableBufferPointer { counts in
            WorkerPool.shared.run(parts: parts, Counting(counts: counts, nested: nested))
        }
        return counts
    }

    @Test func everyPartRunsOnce() {
        for parts in [0, 1, 2, 3, 7, 64] {
            #expect(Self.region(parts) == [Int](repeating: 1, count: parts), "\(parts) parts")
        }
    }

    @Test func thousandsOfRegionsInARow() {
        var total = 0
        for i in 0..<2_000 { total += Self.region(2 + i % 3).reduce(0, +) }
        #expect(total == (0..<2_000).reduce(0) { $0 + 2 + $1 % 3 })
    }

    @Test func regionsInsideRegions() {
        #expect(Self.region(4, nested: true) == [1, 1, 1, 1])
    }

    @Test func regionsFromManyThreadsAtOnce() {
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 where Self.region(3) != [1, 1, 1] {
                failures.add(1, ordering: .relaxed)
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
