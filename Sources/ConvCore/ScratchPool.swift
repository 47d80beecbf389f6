#if canImport(Glibc)
import Glibc  // pthread keys: one cache per thread
#elseif canImport(Darwin)
import Darwin  // pthread keys: one cache per thread
#endif

/// Per-thread caches of `Float` scratch buffers for the kernels' temporary memory (padded
/// images, packed operands, partial sums), so a training loop that runs the same shapes batch
/// after batch stops calling the allocator once every size has been seen.
///
/// `take` hands out a cached buffer of exactly the requested size from the calling thread's
/// cache, or allocates a new one; `give` returns it there. (Exact sizes, because a loop asks for
/// the same sizes every time, and because the cache then always knows each buffer's true size.) Each thread has its own cache, so
/// there is no lock and what one thread does never changes what another finds (the worker
/// threads of a parallel kernel each keep theirs). Contents are unspecified on `take`. Buffers
/// above `largestCached` floats are freed instead of kept, and to stay under `capacityLimit`
/// floats and `slots` buffers per thread the oldest are freed first, so one large one-off
/// operation does not hold its memory for the rest of the session. A thread's cache is freed
/// when the thread ends.
enum ScratchPool {
    /// Largest buffer kept for reuse: 16 M floats (64 MiB).
    static let largestCached = 1 << 24
    /// Most floats kept in one thread's cache: 32 M (128 MiB).
    static let capacityLimit = 1 << 25
    /// Most buffers kept in one thread's cache (its list never grows past this capacity).
    static let slots = 64

    /// A buffer of at least `count` floats (at least 1), uninitialised. Return it with `give`.
    static func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        let wanted = max(count, 1)
        return Cache.current.take(wanted) ?? UnsafeMutablePointer<Float>.allocate(capacity: wanted)
    }

    /// Returns a buffer from `take(count)` (the same `count`) to the calling thread's cache.
    static func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let size = max(count, 1)
        guard size <= largestCached else {
            pointer.deallocate()
            return
        }
        Cache.current.keep(pointer, count: size)
    }

    /// One thread's free buffers, oldest first.
    private final class Cache {
        private var buffers: [(pointer: UnsafeMutablePointer<Float>, count: Int)] = []
        private var cachedCount = 0

        init() { buffers.reserveCapacity(ScratchPool.slots) }

        deinit {
            for b in buffers { b.pointer.deallocate() }
        }

        /// The calling thread's cache, created on first use and released when the thread ends.
        static var current: Cache {
            if let p = pthread_getspecific(key) { return Unmanaged<Cache>.fromOpaque(p).takeUnretainedValue() }
            let cache = Cache()
            pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
            return cache
        }

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key) { p in
                if let p { Unmanaged<Cache>.fromOpaque(p).release() }
            }
            return key
        }()

        func take(_ wanted: Int) -> UnsafeMutablePointer<Float>? {
            // The most recently returned buffer of that size: it is the likeliest to be in cache.
            var i = buffers.count &- 1
            while i >= 0, buffers[i].count != wanted { i &-= 1 }
            guard i >= 0 else { return nil }
            let b = buffers.remove(at: i)
            cachedCount &-= b.count
            return b.pointer
        }

        func keep(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
            while !buffers.isEmpty, buffers.count == ScratchPool.slots || cachedCount &+ count > ScratchPool.capacityLimit {
                let oldest = buffers.removeFirst()
                cachedCount &-= oldest.count
                oldest.pointer.deallocate()
            }
            buffers.append((pointer, count))
            cachedCount &+= count
        }
    }
}
