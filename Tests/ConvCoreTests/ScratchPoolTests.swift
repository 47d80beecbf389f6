import Dispatch
import Testing
@testable import ConvCore

/// The kernels' scratch caches: a thread gets its buffer back for the next request of that size,
/// and concurrent users never share one.
struct ScratchPoolTests {
    @Test func returnsAGivenBufferForTheSameSize() {
        let count = 3_333_331
        let first = ScratchPool.take(count)
        ScratchPool.give(first, count: count)
        let second = ScratchPool.take(count)
        ScratchPool.give(second, count: count)
        #expect(first == second)
    }

    @Test func neverHandsOneBufferToTwoHolders() {
        let threads = 8, rounds = 200
        let clashes = DispatchQueue.global().sync {
            var clashCounts = [Int](repeating: 0, count: threads)
            clashCounts.withUnsafeMutableBufferPointer { counts in
                nonisolated(unsafe) let counts = counts
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    for r in 0..<rounds {
                        let count = 1000 &+ (r % 7) &* 100
                        let p = ScratchPool.take(count)
                        p.initialize(repeating: Float(t), count: count)
                        for i in 0..<count where p[i] != Float(t) { counts[t] += 1 }
                        ScratchPool.give(p, count: count)
                    }
                }
            }
            return clashCounts.reduce(0, +)
        }
        #expect(clashes == 0)
    }
}
