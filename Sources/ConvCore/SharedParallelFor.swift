import Synchronization

/// Runs a batch loop on up to `threads` threads that take the items in small chunks as they
/// become free, instead of `parallelFor`'s fixed equal halves.
///
/// On a shared machine one thread is often descheduled or slowed for a while; with fixed
/// halves the other then finishes early and waits, and the pass takes as long as the slower
/// half. Claiming `grain` items at a time keeps both busy to the end.
///
/// `body(part, next)` runs once per thread (`part` in `0..<parts`, for per-thread scratch set up
/// once) and calls `next()` for chunks until it returns nil; which chunks a part gets varies
/// from run to run, so anything summed over items must be summed per chunk (or per item), not
/// per part, to stay deterministic. `next()` returns nil once `Cancellation` is requested, so
/// Ctrl-C stops the loop within one chunk per thread.
func sharedParallelFor(
    _ range: Range<Int>, threads: Int, grain: Int,
    _ body: (_ part: Int, _ next: () -> Range<Int>?) -> Void
) {
    let grain = max(grain, 1)
    let chunks = (range.count &+ grain &- 1) / grain
    let parts = parallelParts(chunks, threads: threads)
    // The counter lives on the stack: a local `Atomic` captured by `next` was boxed on the heap,
    // one allocation per call (a training loop must not allocate).
    withUnsafeTemporaryAllocation(of: Atomic<Int>.self, capacity: 1) { counter in
        guard let claimed = counter.baseAddress else { return }
        claimed.initialize(to: Atomic(0))
        defer { claimed.deinitialize(count: 1) }
        func next() -> Range<Int>? {
            guard !Cancellation.isRequested else { return nil }
            let chunk = claimed.pointee.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < chunks else { return nil }
            let start = range.lowerBound &+ chunk &* grain
            return start..<min(start &+ grain, range.upperBound)
        }
        guard parts > 1 else {
            if !range.isEmpty { body(0, next) }
            return
        }
        parallelFor(0..<parts, threads: parts) { part, _ in body(part, next) }
    }
}
