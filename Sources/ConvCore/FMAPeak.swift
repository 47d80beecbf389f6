/// The floating-point peak of this core for the kernel set in use: how many fp32 FLOP/s a
/// loop of independent fused multiply-adds on the set's vectors reaches (`FMAChains`, compiled
/// in the set's module for its CPU; the portable set's multiply and add count as two FLOPs).
///
/// `cnnlab bench` divides every figure by it, so results from different machines (AVX-512 or
/// not, Zen 3 or Zen 4) compare as fractions of what each could do. Twelve independent chains
/// cover two FMA pipes through a four-cycle latency with room to spare, and fit in AVX2's 16
/// registers as well as AVX-512's 32.
public enum FMAPeak {
    /// FLOP/s of the probe on the calling thread: the best of `samples` runs of about
    /// `milliseconds` each (the best, because anything else running only slows it down).
    public static func measure(milliseconds: Double = 20, samples: Int = 5) -> Double {
        let family = KernelSet.current.family
        var rounds = 1 << 14
        // Grow the round count until one run lasts long enough to time.
        while Double(family.fmaNanoseconds(rounds: rounds)) < milliseconds * 1e6 / 4 && rounds < 1 << 30 { rounds <<= 1 }
        var bestRate = 0.0
        for _ in 0..<max(1, samples) {
            let nanoseconds = max(1, family.fmaNanoseconds(rounds: rounds))
            let flops = 2.0 * Double(family.lanes) * 12 * Double(rounds)
            bestRate = max(bestRate, flops / Double(nanoseconds) * 1e9)
        }
        return bestRate
    }
}
