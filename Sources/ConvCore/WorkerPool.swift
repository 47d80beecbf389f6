#if canImport(Glibc)
import Glibc  // pthreads
#elseif canImport(Darwin)
import Darwin  // pthreads
#endif
import Synchronization

/// The threads behind `parallelFor`: workers started once and kept waiting, so a parallel
/// region costs a wake-up instead of a dispatch (`DispatchQueue.concurrentPerform` copied a block
/// on the heap for every call, and a training loop must not allocate).
///
/// `run(parts:_:)` calls `job.run(part:)` for every part in `0..<parts`, on the calling thread and on
/// up to `parts − 1` workers, and returns when all are done. One region runs at a time: a call
/// made while the pool is busy (from another thread, or from inside a region) runs its parts
/// on its own thread instead of waiting, so nothing can deadlock.
final class WorkerPool: @unchecked Sendable {
    /// The process's pool. Workers are started on first use, as many as a region has asked for.
    static let shared = WorkerPool()

    /// At most this many workers besides the calling thread.
    static let maxWorkers = 63

    // Everything below is guarded by `mutex`, except the job pointer's target, which is read
    // by workers only between `generation` changing and their `done` increment.
    // Allocated once, so their addresses are stable (pthreads objects must not move).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var busy = false
    private var workers = 0
    /// Bumped for every region; read without the lock by spinning workers.
    private let generation = Atomic<Int>(0)
    private var job: UnsafeRawPointer?
    private var parts = 0
    private var nextPart = 0
    /// Parts finished in the current region; read without the lock by the spinning caller.
    private let done = Atomic<Int>(0)

    /// How many times a worker (or a caller waiting for the last part) polls before it sleeps on
    /// the condition variable: about 50–100 µs. Regions come in quick succession (the layers of
    /// a training step), and waking a sleeping thread took tens of µs, a large share of a small
    /// convolution's time on two threads.
    static let spinLimit = 100_000

    private init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(finished, nil)
    }

    /// A region's work as the workers see it: `invoke(context, part)` runs one part, `context`
    /// pointing at the caller's job on its stack.
    ///
    /// `invoke` is a closure literal in `run`, compiled for the concrete job type: in optimised
    /// builds it captures nothing, so storing it allocates nothing, and the job's code is
    /// specialised. (Unoptimised builds keep `run` generic, and the closure then carries the job's
    /// type in a small heap box per region. Handing the workers a closure body instead would
    /// need `withoutActuallyEscaping`, which boxes it on the heap in every build.)
    private struct Job {
        var context: UnsafeRawPointer
        var invoke: (UnsafeRawPointer, Int) -> Void
    }

    /// Runs `job.run(part:)` for every part in `0..<parts` and returns when all have finished.
    ///
    /// The calling thread runs part 0 itself, then helps with the others; workers take parts
    /// from 1 on. A part may find nothing left to do (`parallelFor`'s parts share one queue), but
    /// it still sets up its scratch buffers, so after one training batch the calling thread's
    /// `ScratchPool` cache holds every size it will ask for, and it allocates nothing however
    /// the work falls between the threads. (A worker's cache fills the first time it takes a
    /// part of each region, usually in the first batch too.)
    func run<Work: PoolJob>(parts: Int, _ job: Work) {
        guard parts > 1, claim(parts: parts) else {
            for part in 0..<max(parts, 0) { job.run(part: part) }
            return
        }
        withUnsafePointer(to: job) { caller in
            var job = Job(context: UnsafeRawPointer(caller)) { context, part in
                context.assumingMemoryBound(to: Work.self).pointee.run(part: part)
            }
            withUnsafePointer(to: &job) { pointer in
                pthread_mutex_lock(mutex)
                self.job = UnsafeRawPointer(pointer)
                self.parts = parts
                nextPart = 1
                done.store(0, ordering: .relaxed)
                generation.wrappingAdd(1, ordering: .releasing)
                pthread_cond_broadcast(wake)
                pthread_mutex_unlock(mutex)
                // Part 0 is always the caller's, so every region runs on the calling thread and
                // its scratch caches see every buffer size in the first batch (see `run`).
                caller.pointee.run(part: 0)
                done.wrappingAdd(1, ordering: .releasing)
                work()
                var spins = 0
                while done.load(ordering: .acquiring) < parts && spins < WorkerPool.spinLimit { spins &+= 1 }
                pthread_mutex_lock(mutex)
                while done.load(ordering: .acquiring) < parts { pthread_cond_wait(finished, mutex) }
                self.job = nil
                busy = false
                pthread_mutex_unlock(mutex)
            }
        }
    }

    /// Marks the pool busy for a region of `parts` parts (starting workers as needed), or
    /// returns false if another region holds it.
    private func claim(parts: Int) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !busy else { return false }
        busy = true
        while workers < min(parts &- 1, WorkerPool.maxWorkers) {
            guard startWorker() else { break }
            workers &+= 1
        }
        return true
    }

    /// Takes parts of the current region until none is left.
    private func work() {
        pthread_mutex_lock(mutex)
        while nextPart < parts {
            let part = nextPart
            nextPart &+= 1
            let job = self.job
            pthread_mutex_unlock(mutex)
            if let job { WorkerPool.perform(job, part) }
            pthread_mutex_lock(mutex)
            if done.wrappingAdd(1, ordering: .releasing).newValue == parts { pthread_cond_signal(finished) }
        }
        pthread_mutex_unlock(mutex)
    }

    /// Runs one part of the job `job` points to.
    private static func perform(_ job: UnsafeRawPointer, _ part: Int) {
        let job = job.assumingMemoryBound(to: Job.self)
        job.pointee.invoke(job.pointee.context, part)
    }

    /// A worker: waits for a new region (polling for a while, then asleep), helps with it, and
    /// waits again; never exits.
    private func workerLoop() {
        var seen = generation.load(ordering: .acquiring)
        while true {
            var spins = 0
            while generation.load(ordering: .acquiring) == seen && spins < WorkerPool.spinLimit { spins &+= 1 }
            pthread_mutex_lock(mutex)
            while generation.load(ordering: .acquiring) == seen { pthread_cond_wait(wake, mutex) }
            seen = generation.load(ordering: .acquiring)
            pthread_mutex_unlock(mutex)
            work()
        }
    }

    /// Starts one detached worker thread; false if the system refuses.
    private func startWorker() -> Bool {
        var thread = pthread_t()
        let context = Unmanaged.passUnretained(self).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<WorkerPool>.fromOpaque(context).takeUnretainedValue().workerLoop()
            return nil
        }, context)
        guard started == 0 else { return false }
        pthread_detach(thread)
        return true
    }
}

/// The work of one `WorkerPool` region: `run(part:)` is called once for every part, on whichever
/// thread takes it, several parts at once. A job is a value holding what its parts read and
/// pointers to what they write (disjoint per part), so that starting a region allocates nothing.
protocol PoolJob {
    func run(part: Int)
}
