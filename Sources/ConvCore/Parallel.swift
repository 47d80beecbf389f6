/// Splits `range` into at most `threads` contiguous chunks of near-equal size and runs `body`
/// on each, concurrently when there is more than one. `body` must be safe to run on different
/// chunks at once (each chunk writes only its own part of the output or its own scratch).
///
/// `body` receives the chunk's index in `0..<parts` (so callers can keep one scratch area or
/// partial sum per chunk and combine them afterwards in a fixed order, deterministically) and
/// the chunk itself. Returns after every chunk is done. With `threads <= 1` or a range of one
/// element everything runs on the calling thread.
///
/// Each chunk is handed to `body` in consecutive pieces of at most `cancellationGrain` items
/// (same `part`, in order), and a piece is skipped once `Cancellation` is requested, so Ctrl-C
/// stops a large batch within a few images. Callers therefore accumulate into per-part state
/// that they set up before the call, never at the start of `body`.
func parallelFor(_ range: Range<Int>, threads: Int, _ body: (_ part: Int, _ chunk: Range<Int>) -> Void) {
    let parts = parallelParts(range.count, threads: threads)
    guard parts > 1 else {
        if !range.isEmpty { runInPieces(0, range, body) }
        return
    }
    // Chunks are disjoint and `body` is documented to be safe on disjoint chunks, which is the
    // guarantee Sendable would otherwise demand of it.
    WorkerPool.shared.run(parts: parts) { part in
        runInPieces(part, parallelChunk(range, part: part, of: parts), body)
    }
}

/// Items per call of a `parallelFor` body between two looks at `Cancellation`.
let cancellationGrain = 8

/// Runs `body` on `chunk` in pieces of `cancellationGrain`, stopping once cancelled.
private func runInPieces(_ part: Int, _ chunk: Range<Int>, _ body: (_ part: Int, _ chunk: Range<Int>) -> Void) {
    var start = chunk.lowerBound
    while start < chunk.upperBound, !Cancellation.isRequested {
        let end = min(start &+ cancellationGrain, chunk.upperBound)
        body(part, start..<end)
        start = end
    }
}

/// How many chunks `parallelFor` makes for `count` items and `threads` threads.
func parallelParts(_ count: Int, threads: Int) -> Int {
    max(1, min(count, threads))
}

/// Chunk `part` of `parts` near-equal contiguous chunks of `range` (the first `count % parts`
/// chunks are one element longer).
func parallelChunk(_ range: Range<Int>, part: Int, of parts: Int) -> Range<Int> {
    let (q, r) = range.count.quotientAndRemainder(dividingBy: parts)
    let start = range.lowerBound &+ part &* q &+ min(part, r)
    return start..<(start &+ q &+ (part < r ? 1 : 0))
}

/// Splits `0..<count` into up to `threads` contiguous parts of at least `elementGrain` elements
/// and runs `body` on each, concurrently when there is more than one part. For element-wise
/// work (activations), where `parallelFor`'s pieces of `cancellationGrain` items would cost more
/// than the work itself; small tensors stay on the calling thread.
func parallelElements(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
    let parts = max(1, min(threads, count / elementGrain))
    parallelFor(0..<parts, threads: parts) { part, _ in
        body(parallelChunk(0..<count, part: part, of: parts))
    }
}

/// Fewest elements worth a thread of their own in `parallelElements`.
let elementGrain = 1 << 14
