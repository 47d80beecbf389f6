/// The loop behind the FMA peak probe: twelve independent multiply-add chains on vectors of
/// type `V`, enough to cover two FMA pipes through a four-cycle latency, few enough for
/// AVX2's 16 registers.
///
/// Inlinable and generic so each kernel module specialises it with its own vector type and
/// compiles it for its own CPU; `fused: false` is the portable set's separate multiply and add.
public enum FMAChains {
    /// Nanoseconds for `rounds` rounds of the twelve chains.
    @inlinable @inline(__always)
    public static func nanoseconds<V: SIMD>(_: V.Type, rounds: Int, fused: Bool) -> UInt64 where V.Scalar == Float {
        let a = V(repeating: 0.999_999), b = V(repeating: 1e-7)
        var c0 = V(repeating: 0), c1 = V(repeating: 1), c2 = V(repeating: 2), c3 = V(repeating: 3)
        var c4 = V(repeating: 4), c5 = V(repeating: 5), c6 = V(repeating: 6), c7 = V(repeating: 7)
        var c8 = V(repeating: 8), c9 = V(repeating: 9), c10 = V(repeating: 10), c11 = V(repeating: 11)
        @inline(__always) func step(_ c: inout V) { c = fused ? c.addingProduct(a, b) : c + a * b }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<rounds {
            step(&c0); step(&c1); step(&c2); step(&c3); step(&c4); step(&c5)
            step(&c6); step(&c7); step(&c8); step(&c9); step(&c10); step(&c11)
        }
        let elapsed = (clock.now - start).components
        let sum = ((c0 + c1) + (c2 + c3) + (c4 + c5) + (c6 + c7) + (c8 + c9) + (c10 + c11)).sum()
        sink = sum  // keeps the chains alive
        return UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds) / 1_000_000_000)
    }

    @usableFromInline nonisolated(unsafe) static var sink: Float = 0
}
