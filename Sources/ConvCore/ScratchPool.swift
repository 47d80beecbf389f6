import Synchronization

/// A process-wide cache of `Float` scratch buffers for the kernels' temporary memory (padded
/// images, packed operands, per-thread partial sums), so a training loop that runs the same
/// shapes batch after batch stops calling the allocator once every size has been seen.
///
/// `take` hands out the smallest cached buffer that is large enough (and not more than twice
/// as large, so a small request does not pin a huge buffer), or allocates a new one; `give`
/// returns it. Contents are unspecified on `take`. Buffers above `largestCached` floats, and
/// any beyond `capacityLimit` cached floats in total, are freed instead of kept, so one large
/// one-off operation does not hold its memory for the rest of the session. Safe from any thread.
enum ScratchPool {
    /// Largest buffer kept for reuse: 16 M floats (64 MiB).
    static let largestCached = 1 << 24
    /// Most floats kept in the cache at once: 32 M (128 MiB).
    static let capacityLimit = 1 << 25

    /// A cached buffer. Sendable because the pool hands each buffer to one owner at a time.
    private struct Entry: @unchecked Sendable {
        var pointer: UnsafeMutablePointer<Float>
        var count: Int
    }

    private struct State: ~Copyable {
        var free: [Entry] = []
        var cachedCount = 0

        init() { free.reserveCapacity(ScratchPool.slots) }
    }

    /// Cached buffers at most (the free list never grows past its initial capacity).
    private static let slots = 64

    private static let state = Mutex(State())

    /// A buffer of at least `count` floats (at least 1), uninitialised. Return it with `give`.
    static func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        let wanted = max(count, 1)
        let cached: UnsafeMutablePointer<Float>? = state.withLock { s in
            var best: Int?
            for (i, e) in s.free.enumerated() where e.count >= wanted && e.count / 2 <= wanted {
                if best.map({ e.count < s.free[$0].count }) ?? true { best = i }
            }
            guard let i = best else { return nil }
            let e = s.free.remove(at: i)
            s.cachedCount &-= e.count
            return e.pointer
        }
        return cached ?? UnsafeMutablePointer<Float>.allocate(capacity: wanted)
    }

    /// Returns a buffer from `take(count)` (the same `count`) to the cache, or frees it. To make
    /// room the oldest cached buffers are freed, so sizes no longer in use leave the cache.
    static func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let size = max(count, 1)
        guard size <= largestCached else {
            pointer.deallocate()
            return
        }
        state.withLock { s in
            while !s.free.isEmpty, s.free.count == slots || s.cachedCount &+ size > capacityLimit {
                let oldest = s.free.removeFirst()
                s.cachedCount &-= oldest.count
                oldest.pointer.deallocate()
            }
            s.free.append(Entry(pointer: pointer, count: size))
            s.cachedCount &+= size
        }
    }
}
