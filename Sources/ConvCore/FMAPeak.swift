/// The floating-point peak of this core for the kernel set in use: how many fp32 FLOP/s a
/// loop of independent fused multiply-adds on `KernelSet.lanes`-float vectors reaches.
///
/// `cnnlab bench` divides every figure by it, so results from different machines (AVX-512 or
/// not, Zen 3 or Zen 4) compare as fractions of what each could do. Twelve independent chains
/// cover two FMA pipes through a four-cycle latency with room to spare, and fit in AVX2's 16
/// registers as well as AVX-512's 32.
public enum FMAPeak {
    /// FLOP/s of the probe on the calling thread: the best of `samples` runs of about
    /// `milliseconds` each (the best, because anything else running only slows it down).
    public static func measure(milliseconds: Double = 20, samples: Int = 5) -> Double {
        #if CNNLAB_SIMD16
        return best(SIMD16<Float>.self, milliseconds: milliseconds, samples: samples)
        #else
        return best(SIMD8<Float>.self, milliseconds: milliseconds, samples: samples)
        #endif
    }

    private static func best<V: SIMD>(_: V.Type, milliseconds: Double, samples: Int) -> Double where V.Scalar == Float {
        var rounds = 1 << 14
        // Grow the round count until one run lasts long enough to time.
        while Double(time(V.self, rounds: rounds)) < milliseconds * 1e6 / 4 && rounds < 1 << 30 { rounds <<= 1 }
        var bestRate = 0.0
        for _ in 0..<max(1, samples) {
            let nanoseconds = max(1, time(V.self, rounds: rounds))
            let flops = 2.0 * Double(V.scalarCount) * 12 * Double(rounds)
            bestRate = max(bestRate, flops / Double(nanoseconds) * 1e9)
        }
        return bestRate
    }

    /// Nanoseconds for `rounds` rounds of twelve independent FMAs.
    @inline(never)
    private static func time<V: SIMD>(_: V.Type, rounds: Int) -> UInt64 where V.Scalar == Float {
        let a = V(repeating: 0.999_999), b = V(repeating: 1e-7)
        var c0 = V(repeating: 0), c1 = V(repeating: 1), c2 = V(repeating: 2), c3 = V(repeating: 3)
        var c4 = V(repeating: 4), c5 = V(repeating: 5), c6 = V(repeating: 6), c7 = V(repeating: 7)
        var c8 = V(repeating: 8), c9 = V(repeating: 9), c10 = V(repeating: 10), c11 = V(repeating: 11)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<rounds {
            c0 = c0.addingProduct(a, b); c1 = c1.addingProduct(a, b); c2 = c2.addingProduct(a, b)
            c3 = c3.addingProduct(a, b); c4 = c4.addingProduct(a, b); c5 = c5.addingProduct(a, b)
            c6 = c6.addingProduct(a, b); c7 = c7.addingProduct(a, b); c8 = c8.addingProduct(a, b)
            c9 = c9.addingProduct(a, b); c10 = c10.addingProduct(a, b); c11 = c11.addingProduct(a, b)
        }
        let elapsed = (clock.now - start).components
        let sum = ((c0 + c1) + (c2 + c3) + (c4 + c5) + (c6 + c7) + (c8 + c9) + (c10 + c11)).sum()
        sink = sum  // keeps the chains alive
        return UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds) / 1_000_000_000)
    }

    nonisolated(unsafe) private static var sink: Float = 0
}
