import Synchronization

/// What each thread of a `parallelFor` loop does: `run(_:)` is called once per thread and takes
/// chunks of items from the queue until it returns nil, so per-thread scratch is set up once.
///
/// A conforming type is a value holding what the loop reads and pointers to what it writes (each
/// chunk writes only its own part of the output, or its thread's scratch). It is a value and not
/// a closure because a closure that other threads call must be boxed on the heap, once per loop,
/// and a training loop must not allocate.
protocol ParallelWork {
    func run(_ chunks: ChunkQueue)
}

/// Runs a loop over `range` on up to `threads` threads that take the items in chunks of `grain`
/// as they become free, and returns when all are done. With one thread, or one chunk, everything
/// runs on the calling thread.
///
/// On a shared machine one thread is often descheduled or slowed for a while; with fixed
/// halves the other then finishes early and waits, and the pass takes as long as the slower
/// half. Claiming small chunks keeps both busy to the end.
///
/// Which chunks a thread gets varies from run to run, so anything summed over items must be
/// summed per chunk (or per item), not per thread, to stay deterministic. The queue returns nil
/// once `Cancellation` is requested, so Ctrl-C stops the loop within one chunk per thread.
func parallelFor<Work: ParallelWork>(_ range: Range<Int>, threads: Int, grain: Int, _ work: Work) {
    // The counter lives on the stack, so the loop allocates nothing.
    withUnsafeTemporaryAllocation(of: Atomic<Int>.self, capacity: 1) { counter in
        guard let claimed = counter.baseAddress else { return }
        claimed.initialize(to: Atomic(0))
        defer { claimed.deinitialize(count: 1) }
        let chunks = ChunkQueue(range, grain: grain, counter: claimed)
        let parts = max(1, min(chunks.count, threads))
        guard parts > 1 else {
            if !range.isEmpty { work.run(chunks) }
            return
        }
        WorkerPool.shared.run(parts: parts, ParallelLoop(work: work, chunks: chunks))
    }
}

/// The items of one `parallelFor` loop, handed out in chunks to whichever thread asks next.
struct ChunkQueue {
    private let range: Range<Int>
    private let grain: Int
    /// How many chunks there are.
    let count: Int
    /// Chunks taken so far (shared by the threads; it may run past `count`).
    private let claimed: UnsafeMutablePointer<Atomic<Int>>

    /// Chunks of `grain` items (at least one; the last may be shorter) of `range`, counted in
    /// `counter`, which must start at 0 and outlive the queue.
    init(_ range: Range<Int>, grain: Int, counter: UnsafeMutablePointer<Atomic<Int>>) {
        self.range = range
        self.grain = max(grain, 1)
        count = range.isEmpty ? 0 : (range.count &- 1) / self.grain &+ 1
        claimed = counter
    }

    /// The next chunk nobody has taken, or nil when all are taken or `Cancellation` is requested.
    func next() -> Range<Int>? {
        guard !Cancellation.isRequested else { return nil }
        let chunk = claimed.pointee.wrappingAdd(1, ordering: .relaxed).oldValue
        guard chunk < count else { return nil }
        let start = range.lowerBound &+ chunk &* grain
        return start..<min(start &+ grain, range.upperBound)
    }
}

/// A `parallelFor` loop as a `WorkerPool` job: every part runs the work on the shared queue.
private struct ParallelLoop<Work: ParallelWork>: PoolJob {
    let work: Work
    let chunks: ChunkQueue

    func run(part: Int) { work.run(chunks) }
}

/// A chunk size for a loop over `count` images of little work each (pooling): about two chunks
/// per thread, so a thread slowed for a while can be made up for, and at most eight images, so
/// Ctrl-C stops a large batch within a few images.
func imageGrain(_ count: Int, threads: Int) -> Int {
    let twoPerThread = 2 &* max(threads, 1)
    return max(1, min(8, (count &+ twoPerThread &- 1) / twoPerThread))
}

/// A chunk size for element-wise work over `count` elements (activations): one chunk per thread,
/// but at least 16 384 elements, since a smaller share costs more to hand over than to compute
/// (small tensors stay on the calling thread).
func elementGrain(_ count: Int, threads: Int) -> Int {
    let threads = max(threads, 1)
    return max(1 << 14, (count &+ threads &- 1) / threads)
}
