import ConvCore
import Dispatch

/// The machine's fp32 FMA peak for `threads` threads, measured by running ``FMAPeak`` on that
/// many threads at once and adding their rates: two threads on one core's two hyperthreads
/// then show one core's peak, as they should.
public enum PeakProbe {
    /// GFLOP/s (10⁹ FLOP/s) of `threads` concurrent probes.
    public static func gflops(threads: Int) -> Double {
        let n = max(1, threads)
        let rates = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { rates.deallocate() }
        rates.initialize(repeating: 0)
        // Each probe writes its own slot; concurrentPerform returns after every write.
        nonisolated(unsafe) let base = rates.baseAddress!
        DispatchQueue.concurrentPerform(iterations: n) { i in base[i] = FMAPeak.measure() }
        return rates.reduce(0, +) / 1e9
    }

    /// `gflops` as a percentage of `peak` (nil without a peak).
    public static func percent(_ gflops: Double, of peak: Double?) -> Double? {
        guard let peak, peak > 0 else { return nil }
        return gflops / peak * 100
    }
}
